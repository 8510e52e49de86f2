import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { repoRoot, startProduct, type StartedProduct } from './server.js';

// What the browser tests share: the product and Chromium for a file, the API as a test calls it, and the console's
// sign-in form.

/** The demo staff's password (db seed; demo only). */
export const DEMO_PASSWORD = 'naccs-demo';

/** Where the tests leave screenshots, PDFs and downloads. */
export const artifacts = join(repoRoot, 'test', 'artifacts');

export interface UsedProduct {
  readonly product: StartedProduct;
  readonly browser: Browser;
}

/**
 * Starts the product (in its own data folder `name`) and Chromium before the file's tests and stops both after them.
 * The handle's getters are for the tests and hooks: the two exist only once beforeAll has run.
 */
export function useProduct(name: string, options: Parameters<typeof startProduct>[1] = {}): UsedProduct {
  let product: StartedProduct | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    product = await startProduct(name, options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });
  return {
    get product() {
      if (!product) throw new Error(`useProduct('${name}'): the product is not started yet`);
      return product;
    },
    get browser() {
      if (!browser) throw new Error(`useProduct('${name}'): Chromium is not started yet`);
      return browser;
    },
  };
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Calls the API as it answers, errors included (for the tests that assert on them). A token of '' sends none. */
export async function gqlResult<T>(product: Pick<StartedProduct, 'url'>, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult<T>> {
  return fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  }).then((r) => r.json() as Promise<GraphQLResult<T>>);
}

/** Calls the API and returns its data; its errors' messages fail the test. */
export async function gql<T>(product: Pick<StartedProduct, 'url'>, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await gqlResult<T>(product, query, variables, token);
  if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('\n'));
  if (res.data === undefined) throw new Error(`GraphQL の応答にデータがありません: ${JSON.stringify(res)}`);
  return res.data;
}

/** A staff member's session token (login through the API). */
export async function staffToken(product: Pick<StartedProduct, 'url'>, email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await gql<{ login: { token: string } }>(product, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  return data.login.token;
}

/**
 * Signs in through the console's form: opens `path` (the list unless told; '/' is the home page, the dashboard),
 * which shows the form first, signs in and waits for the page's content.
 */
export async function signIn(page: Page, product: Pick<StartedProduct, 'url'>, email: string, options: { path?: string; password?: string } = {}): Promise<void> {
  await page.goto(`${product.url}/#${options.path ?? '/applications'}`);
  await page.getByLabel(/E-mail/).fill(email);
  await page.getByLabel(/パスワード/).fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: /サインイン|ログイン/ }).click();
  await page.locator('#main-content').waitFor();
}
