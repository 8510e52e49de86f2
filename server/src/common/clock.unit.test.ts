import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { clockFrom, clockFromEnv, fixedClock, parseInstant, systemClock } from './clock.js';

/** Every TypeScript file under a folder (no node_modules). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

// `new Date()` with no argument, `Date.now()`, or `Date()` called as a function: the wall clock.
const WALL_CLOCK = /new Date\(\s*\)|\bDate\.now\s*\(|(?<![\w.])Date\(\s*\)/;

describe('one clock', () => {
  it('nothing under server/src or db/ reads the wall clock except common/clock.ts', () => {
    const files = [...sources(join(repoRoot, 'server', 'src')), ...sources(join(repoRoot, 'db'))];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((f) => !f.endsWith(join('common', 'clock.ts')) && !f.endsWith('clock.unit.test.ts'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, line, i })))
      .filter(({ line }) => WALL_CLOCK.test(line.replace(/\/\/.*$/, '')))
      .map(({ f, line, i }) => `${relative(repoRoot, f)}:${i + 1}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('the pattern catches each way of reading the wall clock', () => {
    for (const line of ['const t = new Date();', 'x = Date.now() + 1', 'new Date( )', 'const s = Date();']) expect(WALL_CLOCK.test(line), line).toBe(true);
    for (const line of ["new Date('2027-01-07')", 'new Date(ms)', 'clock.now()', 'fixedDate()', 'isDate()']) expect(WALL_CLOCK.test(line), line).toBe(false);
  });

  it('NOW pins the clock to an instant that keeps ticking; without NOW it is the real time', () => {
    let wall = Date.parse('2026-11-29T12:00:00Z');
    const base = { now: () => new Date(wall) };
    const pinned = clockFrom(new Date('2027-01-07T10:00:00+09:00'), base);
    expect(pinned.now().toISOString()).toBe('2027-01-07T01:00:00.000Z');
    wall += 90_000;
    expect(pinned.now().toISOString()).toBe('2027-01-07T01:01:30.000Z');
    expect(clockFromEnv(undefined)).toBe(systemClock);
    expect(clockFromEnv('')).toBe(systemClock);
    expect(Math.abs(clockFromEnv('2027-01-07T10:00:00+09:00').now().getTime() - Date.parse('2027-01-07T01:00:00Z'))).toBeLessThan(60_000);
  });

  it('refuses a NOW that is not an ISO instant with its offset (no silent fallback to the real time)', () => {
    for (const bad of ['2027-01-07', 'tomorrow', '2027-13-07T10:00:00+09:00', '2027-01-07 10:00', '1700000000']) {
      expect(parseInstant(bad), bad).toBeUndefined();
      expect(() => clockFromEnv(bad), bad).toThrow(/NOW/);
    }
    expect(parseInstant('2027-01-07T10:00:00Z')?.toISOString()).toBe('2027-01-07T10:00:00.000Z');
  });

  it('a fixed clock never moves', () => {
    const c = fixedClock('2027-05-06T10:00:00+09:00');
    expect(c.now().getTime()).toBe(c.now().getTime());
    expect(c.now()).not.toBe(c.now()); // a fresh Date each time: callers may mutate theirs
  });
});
