// `pnpm --filter @naccs/bench profile <file.cpuprofile>`: where a V8 CPU profile's busy time went (BENCH_PROFILE of
// run.ts or approvals.ts writes one) — self time by package (or the product's own module) and the top functions.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A frame's owner: the npm package, the product's source file, or V8's own bucket ((garbage collector), (program)…). */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const own = url.match(/\/(server|bench|test)\/src\/(.+)$/) ?? url.match(/\/(server|bench|test)\/(.+)$/);
  if (own) return `${own[1]}/${own[2]}`;
  return url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// The load windows: from the first HTTP request served (the server listens once migrations and demo data are done).
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const serving = (id: number): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)!.callFrame.functionName === 'parserOnIncoming') return true;
  return false;
};
const from = Math.max(0, profile.samples.findIndex(serving));
const self = new Map<number, number>();
for (let i = from; i < profile.samples.length; i++) {
  const id = profile.samples[i]!;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
console.log(`samples from the first HTTP request on (${from} of ${profile.samples.length})`);

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id)!;
  if (f.functionName === '(idle)') continue;
  busy += us;
  const o = owner(f.url, f.functionName);
  byOwner.set(o, (byOwner.get(o) ?? 0) + us);
  const fn = `${f.functionName || '(anonymous)'} ${o}:${f.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
};
console.log(`busy ${(busy / 1000).toFixed(0)} ms`);
print('self time by owner', byOwner, top);
print('self time by function', byFunction, top);

// Inclusive time of the product's own functions and of each package's entry frames (a frame counted once per sample).
const parent = parentOf;
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at)!.callFrame;
    const o = owner(f.url, f.functionName);
    const key = `${f.functionName || '(anonymous)'} ${o}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
print('inclusive time by function', inclusive, top);
