import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from './console.js';
import { startTestServer, type TestServer } from './testing/server.js';

// The product's app (createApp) serves a console build from CONSOLE_DIR after its own routes: GraphQL, /healthz and
// the certificates answer as before; the rest is the console, precompressed and cached by kind (console.unit.test.ts
// has the details of the serving).
const script = `export const hello = ${JSON.stringify('こんにちは '.repeat(300))};\n`;
const dir = mkdtempSync(join(tmpdir(), 'naccs-console-app-'));
let server: TestServer;

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-T3st.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-T3st.js'), script);
  writeFileSync(join(dir, 'assets', 'index-T3st.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets', 'index-T3st.js.gz'), gzipSync(script));
  process.env.CONSOLE_DIR = dir;
  server = await startTestServer({ demo: false });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, any>; body: Buffer }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('the console in the product app', () => {
  it('serves the hashed script in brotli, immutable for a year, and index.html revalidated for client-side routes', async () => {
    const asset = await get('/assets/index-T3st.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    expect(asset.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(asset.body).toString('utf8')).toBe(script);
    // The app's security headers still apply to the console's files.
    expect(asset.headers['x-content-type-options']).toBe('nosniff');

    for (const path of ['/', '/applications/6f1c2a4e-0000-4000-8000-000000000000/show']) {
      const page = await get(path, { 'accept-encoding': 'br' });
      expect(page.status, path).toBe(200);
      expect(page.headers['cache-control'], path).toBe(REVALIDATE);
      expect(page.body.toString('utf8'), path).toContain('<div id="root">');
    }
    const gone = await get('/assets/index-0ld.js');
    expect(gone.status).toBe(404);
  });

  it('leaves GraphQL, /healthz and the certificates routes theirs', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const gql = await server.gql('{ __typename }');
    expect(gql.data).toEqual({ __typename: 'Query' });
    const ca = await get('/certificates/ca');
    expect(ca.status).toBe(200);
    expect(ca.body.toString('utf8')).not.toContain('<div id="root">');
  });
});
