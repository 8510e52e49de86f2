// The console (admin-ui/dist, built by Vite) served by the GraphQL server at `/`.
//
// - Hashed files under /assets/ never change under their name: cached for a year, immutable. An unknown asset is 404
//   (not index.html: a page of an older build asking for a chunk that is gone must fail, and reloads — main.tsx).
// - index.html names the current build's files: `Cache-Control: no-cache` (revalidated by its ETag on every visit),
//   for `/` and for every client-side route.
// - The build leaves `.br` (brotli) and `.gz` (gzip) beside each compressible file (admin-ui/precompress.ts); the
//   encoding the browser accepts (Accept-Encoding, q-values honoured; brotli first) is sent as it is, with
//   `Content-Encoding` and `Vary: Accept-Encoding`. Nothing is compressed per request.
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The precompressed variants the build writes, in the server's order of preference. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof VARIANTS)[number]['encoding'];

/**
 * The encoding to send among those available (server preference order), by the request's Accept-Encoding: the
 * highest q wins, a tie goes to the server's order; `*` stands for any encoding not named; q=0 refuses; an explicit
 * `identity` with a higher q than every available encoding sends the file as it is. No header: as it is.
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!header || available.length === 0) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.split(';');
    const name = token.trim().toLowerCase();
    if (!name) continue;
    let quality = 1;
    for (const p of params) {
      const m = /^\s*q\s*=(.*)$/i.exec(p);
      if (m) quality = /^\s*[01](\.\d{0,3})?\s*$/.test(m[1]!) ? Number(m[1]) : NaN;
    }
    q.set(name, Number.isFinite(quality) ? Math.min(quality, 1) : 0);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of available) {
    const quality = q.get(encoding) ?? q.get('*') ?? 0;
    if (quality > bestQ) {
      best = encoding;
      bestQ = quality;
    }
  }
  const identity = q.get('identity');
  return best && !(identity !== undefined && identity > bestQ) ? best : undefined;
}

interface Found {
  /** Modification time of the file as it is: the variants' presence is remembered per version of the file. */
  mtimeMs: number;
  encodings: Encoding[];
}

/**
 * The console's files under `dir`, or a plain note at `/` while it is not built. Mounted after every other route:
 * any GET or HEAD left (except /graphql) is the console's.
 */
export function serveConsole(app: Express, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('コンソールが未ビルドです: pnpm --filter @naccs/admin-ui build');
    });
    return;
  }
  // Which variants exist beside each file: looked up once per version of the file (a rebuild changes its mtime).
  const found = new Map<string, Found>();
  const variantsOf = (file: string): Found | undefined => {
    let mtimeMs: number;
    try {
      const s = statSync(file);
      if (!s.isFile()) return undefined;
      mtimeMs = s.mtimeMs;
    } catch {
      return undefined;
    }
    const known = found.get(file);
    if (known?.mtimeMs === mtimeMs) return known;
    const encodings = VARIANTS.filter((v) => existsSync(file + v.suffix)).map((v) => v.encoding);
    const entry = { mtimeMs, encodings };
    found.set(file, entry);
    return entry;
  };

  const send = (req: Request, res: Response, next: NextFunction, file: string, cacheControl: string): void => {
    const variants = variantsOf(file);
    if (!variants) {
      notFound(res);
      return;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], variants.encodings);
    // The type of the file itself, whichever variant goes out (send() keeps a Content-Type already set).
    res.type(extname(file));
    res.vary('Accept-Encoding');
    res.setHeader('Cache-Control', cacheControl);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const suffix = VARIANTS.find((v) => v.encoding === encoding)?.suffix ?? '';
    res.sendFile(file + suffix, { cacheControl: false, dotfiles: 'allow' }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };

  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/graphql' || req.path.startsWith('/graphql/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return notFound(res);
    }
    const segments = path.split('/');
    // No way out of the folder, no hidden files, no NUL.
    if (path.includes('\0') || segments.some((s) => s === '..' || s.startsWith('.'))) return notFound(res);
    if (path.startsWith('/assets/')) {
      const file = resolve(root, `.${path}`);
      if (!file.startsWith(root + sep)) return notFound(res);
      return send(req, res, next, file, IMMUTABLE);
    }
    if (path !== '/' && path !== '/index.html') {
      // Another file the build put at the top (none today): revalidated, not cached for long.
      const file = resolve(root, `.${path}`);
      if (file.startsWith(root + sep) && variantsOf(file)) return send(req, res, next, file, REVALIDATE);
    }
    // `/` and the console's client-side routes all render index.html.
    return send(req, res, next, index, REVALIDATE);
  });
}

function notFound(res: Response): void {
  res.status(404).setHeader('Cache-Control', 'no-store');
  res.type('text/plain; charset=utf-8').send('見つかりません');
}
