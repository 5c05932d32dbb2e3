import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface WebAsset {
  name: string;
  contentType: string;
  body: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
  etag: string;
}

/**
 * `body` served as `file` with its content hash in the name (player.js: player-3k2j4h5g6f.js),
 * so it can be cached for a year and a new release can never pair old HTML with a new script.
 * Compressed once, when first asked for rather than per request: brotli at its best takes
 * tenths of a second for the larger files, which every start (and every test app) would pay.
 */
export function webAsset(file: string, contentType: string, body: Buffer): WebAsset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
  const dot = file.lastIndexOf('.');
  let gzip: Buffer | undefined;
  let br: Buffer | undefined;
  return {
    name: `${file.slice(0, dot)}-${hash}${file.slice(dot)}`,
    contentType,
    body,
    get gzip() {
      gzip ??= gzipSync(body, { level: 9 });
      return gzip;
    },
    get br() {
      br ??= brotliCompressSync(body);
      return br;
    },
    etag: `"${hash}"`,
  };
}

/** A file of src/web/assets as text, undefined when there is none (for linkModules). */
export function assetText(file: string): string | undefined {
  try {
    return readFileSync(new URL(`./assets/${file}`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

/** One file of src/web/assets, named by its content hash and compressed once. */
export function load(file: string, contentType: string): WebAsset {
  return webAsset(file, contentType, readFileSync(new URL(`./assets/${file}`, import.meta.url)));
}
