// After `vite build`: a brotli (.br) and a gzip (.gz) copy beside every compressible file of the console, for the
// server to send as they are by the browser's Accept-Encoding (server/src/console.ts). Node's zlib, no dependency.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the browser loads; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;
/** Smaller files gain too little for a request's headers to notice. */
const MIN_BYTES = 1024;
/** A variant is kept only when it saves at least a tenth. */
const MAX_RATIO = 0.9;

export interface Precompressed {
  file: string;
  bytes: number;
  br?: number;
  gz?: number;
}

/** Writes `<file>.br` and `<file>.gz` for each of `files` (relative to `dir`) worth compressing; returns the sizes. */
export async function precompressFiles(dir: string, files: readonly string[]): Promise<Precompressed[]> {
  const todo = files.filter((f) => COMPRESSIBLE.test(f));
  return Promise.all(
    todo.map(async (file): Promise<Precompressed> => {
      const path = join(dir, file);
      const data = await readFile(path);
      if (data.length < MIN_BYTES) return { file, bytes: data.length };
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzipped(data, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      const result: Precompressed = { file, bytes: data.length };
      if (br.length <= data.length * MAX_RATIO) {
        await writeFile(`${path}.br`, br);
        result.br = br.length;
      }
      if (gz.length <= data.length * MAX_RATIO) {
        await writeFile(`${path}.gz`, gz);
        result.gz = gz.length;
      }
      return result;
    }),
  );
}

/** The Vite plugin: precompresses what the build wrote, once it is written. */
export function precompress(): Plugin {
  return {
    name: 'naccs-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const results = await precompressFiles(dir, Object.keys(bundle));
      const sum = (k: 'bytes' | 'br' | 'gz') => results.reduce((s, r) => s + (r[k] ?? (k === 'bytes' ? 0 : r.bytes)), 0);
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      this.info(`precompressed ${results.filter((r) => r.br || r.gz).length} files: ${kib(sum('bytes'))} → brotli ${kib(sum('br'))}, gzip ${kib(sum('gz'))}`);
    },
  };
}
