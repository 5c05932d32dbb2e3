import type { Context } from 'hono';
import type { WebAsset } from '../web/web-asset.js';
import { noneMatchHit } from './conditional-request.js';

/**
 * A hashed asset (a script or stylesheet of the pages or the staff screens): compressed as the
 * client accepts (brotli, gzip), cached for a year since its name changes with its content, 304
 * when the client has it. `headers` adds to the answer (the player's CORS header).
 */
export function webAssetResponse(
  c: Context,
  asset: WebAsset | undefined,
  headers: Record<string, string> = {},
) {
  if (!asset) return c.text('Not found', 404);
  const accepts = c.req.header('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  const answer: Record<string, string> = {
    'content-type': asset.contentType,
    'cache-control': 'public, max-age=31536000, immutable',
    etag: asset.etag,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...headers,
  };
  if (noneMatchHit(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304, answer);
  if (encoding) answer['content-encoding'] = encoding;
  const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body;
  return c.body(new Uint8Array(body), 200, answer);
}
