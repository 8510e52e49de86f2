// `pnpm --filter @naccs/bench bench:console`: how fast the console appears in Chromium (see README.md, Console load).
// The product as `pnpm start` runs it, with the console built in admin-ui/dist; each round is a cold browser context
// (empty cache): the sign-in page is opened, a reviewer signs in, the queue appears, then the page is reloaded (warm
// cache). Times are the page's own performance timings (performance.now(), from navigation start), marked by a
// requestAnimationFrame loop the moment the element is laid out. BENCH_ROUNDS (5); BENCH_NETWORK=lan also runs every
// round on an emulated 20 Mbit/s, 20 ms link; BENCH_CPU_SLOWDOWN=4 also runs them with Chromium's CPU 4× slower (a busy
// or slow machine: what parsing the scripts costs shows); BENCH_LABEL names this run's block in README.md (default `latest`);
// BENCH_WRITE=0 leaves README.md as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser.js';
import { repoRoot, startProduct } from '../test/support/server.js';

// playwright-core is the browser tests' dependency (test/support/browser.ts), not this package's: its types through it.
type Browser = Awaited<ReturnType<typeof launchChromium>>;
type BrowserContext = Awaited<ReturnType<Browser['newContext']>>;

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const LABEL = process.env.BENCH_LABEL ?? 'latest';
type Network = 'local' | 'lan' | 'slow-cpu';
const NETWORKS: Network[] = ['local', ...(process.env.BENCH_NETWORK === 'lan' ? ['lan' as const] : []), ...(process.env.BENCH_CPU_SLOWDOWN ? ['slow-cpu' as const] : [])];
const SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
const PROFILE: Record<Network, string> = { local: '127.0.0.1', lan: '20 Mbit/s, 20 ms', 'slow-cpu': `127.0.0.1, CPU ${SLOWDOWN}× slower` };
const log = (line: string) => console.log(line);

if (!existsSync(join(repoRoot, 'admin-ui', 'dist', 'index.html'))) {
  throw new Error('the console is not built: pnpm --filter @naccs/admin-ui build');
}

/**
 * Installed before any script of the page: marks when the sign-in form and the queue's first row are laid out. A string,
 * not a function: tsx's transform wraps named functions in a helper the page does not have.
 */
const MARKS = `
  window.__bench = {};
  performance.setResourceTimingBufferSize(2000);
  const shown = (selector) => {
    const el = document.querySelector(selector);
    return !!el && el.getBoundingClientRect().height > 0;
  };
  const check = () => {
    const m = window.__bench;
    if (m.signIn === undefined && shown('input[name="email"]')) m.signIn = performance.now();
    if (m.queue === undefined && shown('#main-content tbody tr')) m.queue = performance.now();
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  document.addEventListener('click', (e) => {
    if (e.target?.closest?.('button[type="submit"]')) window.__bench.submit ??= performance.now();
  }, true);
`;

interface Round {
  /** Navigation start → the e-mail field laid out (cold cache). */
  signIn: number;
  /** First contentful paint of the sign-in page. */
  fcp: number;
  /** Bytes over the wire (headers included) and decoded, and script requests, up to the sign-in form. */
  signInWire: number;
  signInDecoded: number;
  signInScripts: number;
  /** Click on サインイン → the queue's first row laid out; and what was fetched meanwhile. */
  queue: number;
  queueWire: number;
  queueScripts: number;
  /** Reload while signed in (warm cache): navigation start → the queue's first row; bytes over the wire. */
  warmQueue: number;
  warmWire: number;
}

async function round(browser: Browser, url: string, network: Network): Promise<Round> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
  try {
    await context.addInitScript({ content: MARKS });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    if (network === 'lan') {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 });
    } else if (network === 'slow-cpu') {
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    }
    const marks = () => page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
    const resources = (from: number, to: number) => page.evaluate(([a, b]: readonly [number, number]) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const inWindow = entries.filter((e) => e.responseEnd >= a && e.responseEnd <= b);
      return {
        wire: inWindow.reduce((s, e) => s + e.transferSize, 0),
        decoded: inWindow.reduce((s, e) => s + e.decodedBodySize, 0),
        scripts: inWindow.filter((e) => e.initiatorType === 'script' || /\.js$/.test(new URL(e.name).pathname)).length,
      };
    }, [from, to] as const);

    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.signIn !== undefined, undefined, { timeout: 60_000 });
    const m1 = await marks();
    // The form may be the first content: its paint is recorded just after the frame the mark was taken in. (A string:
    // tsx would wrap a named function in a helper the page does not have.)
    const fcp = Number(await page.evaluate(`new Promise((resolve) => {
      const seen = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      if (seen() !== undefined) return resolve(seen());
      new PerformanceObserver(() => seen() !== undefined && resolve(seen())).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(seen() ?? NaN), 5000);
    })`));
    const atSignIn = await resources(0, m1.signIn!);

    await page.getByLabel(/E-mail/).fill('reviewer@example.jp');
    await page.getByLabel(/パスワード/).fill('naccs-demo');
    await page.getByRole('button', { name: /サインイン|ログイン/ }).click();
    await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.queue !== undefined, undefined, { timeout: 60_000 });
    const m2 = await marks();
    const afterSignIn = await resources(m2.submit!, m2.queue!);

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.queue !== undefined, undefined, { timeout: 60_000 });
    const m3 = await marks();
    const warm = await resources(0, m3.queue!);
    return {
      signIn: m1.signIn!, fcp, signInWire: atSignIn.wire, signInDecoded: atSignIn.decoded, signInScripts: atSignIn.scripts,
      queue: m2.queue! - m2.submit!, queueWire: afterSignIn.wire, queueScripts: afterSignIn.scripts,
      warmQueue: m3.queue!, warmWire: warm.wire,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (xs: number[]) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
const kb = (xs: number[]) => `${Math.round(median(xs) / 1024).toLocaleString('en-US')}`;

function gitHead(): string {
  const git = (...args: string[]) => execFileSync('git', ['-C', repoRoot, ...args], { encoding: 'utf8' }).trim();
  try {
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'admin-ui', 'server/src') ? ' + uncommitted changes' : '');
  } catch {
    return '?';
  }
}

const load0 = loadavg();
const product = await startProduct('bench-console', { env: { JOB_INTERVAL_SECONDS: '0', MAIL_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' } });
let browser: Browser | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.resolve(browser?.close()).finally(() => product.stop().finally(() => process.exit(130))));
}
try {
  browser = await launchChromium();
  const results = new Map<Network, Round[]>();
  for (const network of NETWORKS) {
    // One round unmeasured: the server's first answers (JIT, file cache) and Chromium's own start.
    await round(browser, product.url, network);
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await round(browser, product.url, network);
      log(`${network} round ${i + 1}: sign-in form ${r.signIn.toFixed(0)} ms (${(r.signInWire / 1024).toFixed(0)} KiB), queue ${r.queue.toFixed(0)} ms after sign-in, warm reload to the queue ${r.warmQueue.toFixed(0)} ms`);
      rounds.push(r);
    }
    results.set(network, rounds);
  }
  const load1 = loadavg();
  const cpu = cpus();
  const rows = [...results].map(([network, rs]) => {
    const col = (k: keyof Round) => rs.map((r) => r[k]);
    return `| ${PROFILE[network]} | ${ms(col('signIn'))} | ${ms(col('fcp'))} | ${kb(col('signInWire'))} / ${kb(col('signInDecoded'))} | ${median(col('signInScripts'))} | ${ms(col('queue'))} | ${kb(col('queueWire'))} | ${median(col('queueScripts'))} | ${ms(col('warmQueue'))} | ${kb(col('warmWire'))} |`;
  });
  const block = `\`BENCH_ROUNDS=${ROUNDS}${process.env.BENCH_NETWORK ? ` BENCH_NETWORK=${process.env.BENCH_NETWORK}` : ''}${process.env.BENCH_CPU_SLOWDOWN ? ` BENCH_CPU_SLOWDOWN=${SLOWDOWN}` : ''} pnpm --filter @naccs/bench bench:console\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${gitHead()}.
Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browser.version()}.
Load average before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')}.

| conditions | sign-in form ms | first paint ms | KiB to the form (wire / decoded) | scripts | queue after sign-in ms | KiB to the queue | scripts | warm reload → queue ms | KiB warm |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|
${rows.join('\n')}
`;
  log(`\n${block}`);
  if (process.env.BENCH_WRITE !== '0') writeBlock(join(repoRoot, 'bench', 'README.md'), LABEL, block);
} finally {
  await browser?.close();
  await product.stop();
}

/** This label's block in README.md's "## Console load" section (made at the end when missing); other blocks kept. */
function writeBlock(path: string, label: string, block: string): void {
  let text = readFileSync(path, 'utf8');
  const [open, close] = [`<!-- bench:console:${label} -->`, `<!-- /bench:console:${label} -->`];
  const wrapped = `${open}\n${block.trim()}\n${close}`;
  const start = text.indexOf(open);
  if (start >= 0) {
    text = text.slice(0, start) + wrapped + text.slice(text.indexOf(close, start) + close.length);
  } else {
    if (!text.includes('\n## Console load\n')) text = `${text.replace(/\n*$/, '\n')}\n## Console load\n`;
    const section = text.indexOf('\n## Console load\n');
    const next = text.indexOf('\n## ', section + 1);
    const at = next < 0 ? text.length : next + 1;
    text = `${text.slice(0, at).replace(/\n*$/, '\n\n')}${wrapped}\n${next < 0 ? '' : '\n'}${text.slice(at).replace(/^\n+/, '')}`;
  }
  writeFileSync(path, text);
}
