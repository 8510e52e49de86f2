import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { artifacts } from './console.js';

// axe-core in the browser tests: the console must have no serious or critical violation on the screens the tests
// visit (issue 21). Moderate and minor ones are listed in the message and the JSON, but do not fail.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test. */
const FAILING: ReadonlySet<ImpactValue> = new Set(['serious', 'critical']);

export interface AccessibleOptions {
  /** Only this part of the page (a dialog, a tab panel); the whole page unless told. */
  within?: Locator;
  /** axe's run options (rules to skip, tags…); WCAG 2.x A/AA and best practices unless told. */
  run?: RunOptions;
}

const describeViolation = (v: Result): string => {
  const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
  const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : '';
  return `- [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}) → ${targets}${more}`;
};

/** Runs axe on the page (or `within`); fails listing each serious/critical violation. Leaves `axe-<what>.json`. */
export async function expectAccessible(page: Page, what: string, options: AccessibleOptions = {}): Promise<AxeResults> {
  // Evaluated, not a <script>: the console's CSP (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  // A dialog fading in is measured half transparent (a contrast it does not have): let the finite transitions end
  // (not the spinners, which run forever).
  await page.evaluate(() =>
    Promise.all(document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).map((a) => a.finished.catch(() => undefined))),
  );
  const context = options.within ? await options.within.elementHandle() : null;
  const run = options.run ?? { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };
  const results = await page.evaluate(
    // Runs in the page, where axe was injected; `document` when no element is given.
    async ([el, opts]) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(el ?? document, opts as RunOptions),
    [context, run] as const,
  );
  const file = `axe-${what.replace(/[^\w-]+/g, '_')}.json`;
  writeFileSync(join(artifacts, file), JSON.stringify({ what, url: results.url, violations: results.violations }, null, 2));
  const failing = results.violations.filter((v) => v.impact && FAILING.has(v.impact));
  const others = results.violations.filter((v) => !v.impact || !FAILING.has(v.impact));
  if (failing.length) {
    const lines = [
      `axe: ${what} に重大なアクセシビリティ違反が ${failing.length} 件 (serious/critical)`,
      ...failing.map(describeViolation),
      ...(others.length ? ['moderate/minor (失敗にはしない):', ...others.map(describeViolation)] : []),
      `詳細: test/artifacts/${file}`,
    ];
    throw new Error(lines.join('\n'));
  }
  if (others.length) console.log([`axe: ${what}: moderate/minor ${others.length} 件`, ...others.map(describeViolation)].join('\n'));
  return results;
}
