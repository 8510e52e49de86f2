// The demo seeded in a worker thread: faker's data (~16 MB of heap) and everything the seeding loads and leaves
// behind go with the thread when it ends, so a demo server serves with the memory of a production one.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fixedClock, installClock } from './common/clock.js';
import { SecretBox } from './common/secrets.js';
import { loadConfig, type Config } from './config.js';

interface SeedJob {
  databaseUrl: string;
  /** The seeding instant: the main thread's business time when it asked (its clock keeps ticking, a copy would not). */
  now: number;
}

/** Seeds the demo into the (migrated, empty) database at `databaseUrl` in a worker thread; resolves when it is done. */
export function seedDemoInWorker(databaseUrl: string, config: Config): Promise<{ applications: number }> {
  // The same module is the worker's entry: compiled (.js) or run from source with tsx (.ts), as this process is.
  const worker = new Worker(new URL(import.meta.url), { workerData: { databaseUrl, now: config.clock.now().getTime() } satisfies SeedJob });
  return new Promise((resolve, reject) => {
    let result: { applications: number } | undefined;
    worker.once('message', (m: { applications: number }) => (result = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`demo seeding failed (worker exit ${code})`))));
  });
}

async function seedHere({ databaseUrl, now }: SeedJob): Promise<{ applications: number }> {
  // The environment was checked by the main thread; the worker reads the same settings.
  const config = loadConfig();
  installClock(fixedClock(now));
  const [{ installLeadTimes }, { initOrm }, { certificateAuthority }, { seedDemo }] = await Promise.all([
    import('./calendar/CalendarService.js'), import('./db/orm.js'), import('./certificates/authority.js'), import('../../db/seeders/demo.js'),
  ]);
  installLeadTimes(config.leadTimes);
  const orm = await initOrm(databaseUrl);
  try {
    return await seedDemo(orm.em.fork(), {
      clock: fixedClock(now), password: config.demoPassword, secrets: new SecretBox(config.secretKey),
      ca: await certificateAuthority({ ...config, clock: fixedClock(now) }), ipPool: config.ipPool,
    });
  } finally {
    await orm.close();
  }
}

if (!isMainThread && (workerData as SeedJob | undefined)?.databaseUrl) {
  parentPort!.postMessage(await seedHere(workerData as SeedJob));
}
