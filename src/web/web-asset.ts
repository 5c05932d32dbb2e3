import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface WebAsset {
  name: string;
  contentType: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/**
 * `body` served as `file` with its content hash in the name (player.js: player-3k2j4h5g6f.js),
 * so it can be cached for a year and a new release can never pair old HTML with a new script.
 * Compressed once here rather than per request.
 */
export function webAsset(file: string, contentType: string, body: Buffer): WebAsset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
  const dot = file.lastIndexOf('.');
  return {
    name: `${file.slice(0, dot)}-${hash}${file.slice(dot)}`,
    contentType,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body),
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
