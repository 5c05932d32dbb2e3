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

export interface WebAssets {
  /** Root-relative URL paths, e.g. /assets/player-3k2j4h5g6f.js */
  scriptPath: string;
  stylePath: string;
  /** The public pages' layout, loaded on top of the player's stylesheet (embeds do without). */
  pageStylePath: string;
  get(name: string): WebAsset | undefined;
}

/** One file of ./assets, named by its content hash and compressed once. */
export function load(file: string, contentType: string): WebAsset {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
  const [stem, extension] = file.split('.');
  return {
    name: `${stem}-${hash}.${extension}`,
    contentType,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body),
    etag: `"${hash}"`,
  };
}

/**
 * The player's script and stylesheets, read once at start and named by content hash, so they can be
 * cached for a year and a new release can never pair old HTML with a new script. Compressed once
 * here rather than per request.
 */
export function loadWebAssets(): WebAssets {
  const script = load('player.js', 'text/javascript; charset=utf-8');
  const style = load('player.css', 'text/css; charset=utf-8');
  const pageStyle = load('page.css', 'text/css; charset=utf-8');
  const byName = new Map([script, style, pageStyle].map((a) => [a.name, a]));
  return {
    scriptPath: `/assets/${script.name}`,
    stylePath: `/assets/${style.name}`,
    pageStylePath: `/assets/${pageStyle.name}`,
    get: (name) => byName.get(name),
  };
}
