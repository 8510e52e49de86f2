import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, IMMUTABLE, REVALIDATE, serveConsole } from './console.js';

// The console's files as the server sends them: a build folder made here (what `vite build` + precompress leave),
// served by a bare Express app on a random port, read over raw HTTP (fetch would decode the body itself).
const script = `console.log(${JSON.stringify('審査コンソール '.repeat(200))});\n`;
const indexHtml = '<!doctype html><html lang="ja"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'naccs-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), indexHtml);
  writeFileSync(join(dir, 'index.html.gz'), gzipSync(indexHtml));
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
  // A file the build left uncompressed (too small to gain): only itself.
  writeFileSync(join(dir, 'assets', 'small-XyZ789.css'), 'body{margin:0}');
  const app = express();
  app.post('/graphql', (_req, res) => void res.json({ data: null }));
  serveConsole(app, dir);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // The path as written (a URL would resolve its dot segments before sending).
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console served with precompressed files', () => {
  it('sends brotli to a browser that accepts it, with the type of the script, Vary and a year of immutable cache', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(script);
  });

  it('sends gzip when brotli is not accepted (or refused with q=0), and the file as it is without Accept-Encoding', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await get('/assets/index-AbC123.js', { 'accept-encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(res.body).toString('utf8')).toBe(script);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
    }
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString('utf8')).toBe(script);
    const refused = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString('utf8')).toBe(script);
  });

  it('sends a file the build did not compress as it is, still cached for a year', async () => {
    const res = await get('/assets/small-XyZ789.css', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.toString()).toBe('body{margin:0}');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.length).toBe(0);
  });

  it('sends index.html revalidated on every visit (no-cache) for / and for client-side routes, compressed when accepted', async () => {
    for (const path of ['/', '/index.html', '/applications', '/applications/6f1c2a4e-0000-4000-8000-000000000000/show']) {
      const res = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe(REVALIDATE);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      // Only a .gz was left beside index.html: gzip, although brotli is accepted too.
      expect(res.headers['content-encoding'], path).toBe('gzip');
      expect(res.headers['vary'], path).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(res.body).toString('utf8')).toBe(indexHtml);
    }
  });

  it('revalidates index.html with its ETag (304) and sends the assets\' ETag too', async () => {
    const first = await get('/', {});
    expect(first.headers.etag).toBeTruthy();
    const again = await get('/', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers 404, not index.html, for an asset that does not exist (a chunk of an older build)', async () => {
    const res = await get('/assets/index-Old999.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.toString('utf8')).not.toContain('<div id="root">');
  });

  it('never leaves the folder nor shows hidden files', async () => {
    writeFileSync(join(dir, '..', 'outside-naccs-console.txt'), 'secret');
    try {
      for (const path of ['/assets/..%2f..%2foutside-naccs-console.txt', '/assets/%2e%2e/%2e%2e/outside-naccs-console.txt', '/assets/.hidden', '/assets/%00x']) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(res.body.toString('utf8'), path).not.toContain('secret');
      }
    } finally {
      rmSync(join(dir, '..', 'outside-naccs-console.txt'), { force: true });
    }
  });

  it('leaves /graphql and other methods to the routes before it', async () => {
    const res = await get('/graphql', {}, 'POST');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ data: null });
    expect((await get('/graphql')).status).toBe(404);
  });
});

describe('chooseEncoding', () => {
  it('follows q-values, then the server\'s order (brotli first)', () => {
    expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip;q=0.8, br;q=0.9', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip;q=0.9, br;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('*;q=0.5, br;q=0', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('deflate', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('br', [])).toBeUndefined();
    expect(chooseEncoding('BR;Q=1', ['br'])).toBe('br');
    expect(chooseEncoding('identity;q=1, gzip;q=0.5', ['gzip'])).toBeUndefined();
    expect(chooseEncoding('gzip;q=abc', ['gzip'])).toBeUndefined();
  });
});
