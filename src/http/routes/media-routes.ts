import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import type { DownloadAnalytics } from '../../domain/download-analytics.js';
import type { PublicFile, PublicMedia } from '../../domain/public-media.js';
import type { PublicTextMedia } from '../../domain/public-text-media.js';
import type { Logger } from '../../shared/logger.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { parseByteRange } from '../byte-range.js';
import { noneMatchHit, rangeStillValid } from '../conditional-request.js';

export interface MediaRoutesDeps {
  media: PublicMedia;
  textMedia: PublicTextMedia;
  store: BlobStore;
  analytics: DownloadAnalytics;
  logger: Logger;
  /** The client address, for the hashed visitor id only; never stored. */
  clientIp?: (c: Context) => string | null;
}

function defaultClientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** For transcripts and chapters (HTML, VTT, JSON): a static document in a sandbox of its own. */
const textCsp =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; sandbox";

function etagOf(file: PublicFile) {
  return `"${file.sha256.slice(0, 32) || file.size.toString(16)}"`;
}

/**
 * Public files: enclosures, peaks, artwork. With fs storage zender serves the bytes with
 * ranges (podcast apps seek, Apple probes with bytes=0-1); with S3 it redirects to the public
 * or presigned URL so the bytes never pass through the service.
 */
export function mediaRoutes(deps: MediaRoutesDeps) {
  const app = new Hono();
  const clientIp = deps.clientIp ?? defaultClientIp;

  const serve = async (c: Context) => {
    const { showSlug } = c.req.param() as { showSlug: string };
    const segments = c.req.path.split('/').slice(3).map(decodeURIComponent);
    const text = await deps.textMedia.resolve(showSlug, segments);
    if (text) {
      const etag = `"${createHash('sha256').update(text.body).digest('base64url').slice(0, 27)}"`;
      const textHeaders = {
        'content-type': text.contentType,
        etag,
        'last-modified': new Date(text.updatedAt).toUTCString(),
        'cache-control': 'public, max-age=300',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
        // The HTML transcript holds text people wrote: nothing in it may run, load or submit.
        'content-security-policy': textCsp,
      };
      if (noneMatchHit(c.req.header('if-none-match'), etag)) return c.body(null, 304, textHeaders);
      if (c.req.method === 'HEAD') return c.body(null, 200, textHeaders);
      return c.body(text.body, 200, textHeaders);
    }
    const file = await deps.media.resolve(showSlug, segments);
    if (!file) return c.text('Not found', 404, { 'access-control-allow-origin': '*' });
    const lastModified = new Date(file.updatedAt).toUTCString();
    const etag = etagOf(file);
    // A Range whose If-Range names an older copy is ignored: the client gets the whole file.
    const range = rangeStillValid(c.req.header('if-range'), { etag, lastModified })
      ? parseByteRange(c.req.header('range'), file.size)
      : ({ kind: 'full' } as const);

    if (file.analytics && c.req.method === 'GET') {
      deps.analytics
        .record({
          ...file.analytics,
          ip: clientIp(c),
          userAgent: c.req.header('user-agent') ?? null,
          range: range.kind === 'partial' ? { start: range.start, end: range.end } : undefined,
        })
        .catch((error) => deps.logger.warn({ err: error }, 'download event not recorded'));
    }

    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'accept-ranges': 'bytes',
      etag,
      'last-modified': lastModified,
      'cache-control': 'public, max-age=86400',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Content-Length, Content-Range, Accept-Ranges',
      'x-content-type-options': 'nosniff',
    };

    const redirect = await deps.store.url(file.key, { downloadName: file.downloadName });
    if (redirect) return c.redirect(redirect, 302);

    // If-None-Match comes before Range (RFC 9110 13.2.2): a current copy gets 304, ranged or not.
    if (noneMatchHit(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    if (range.kind === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'content-range': `bytes */${file.size}` });
    }
    const partial = range.kind === 'partial';
    const start = partial ? range.start : 0;
    const end = partial ? range.end : file.size - 1;
    const length = file.size === 0 ? 0 : end - start + 1;
    const status = partial ? 206 : 200;
    const responseHeaders = {
      ...headers,
      'content-length': String(length),
      ...(partial ? { 'content-range': `bytes ${start}-${end}/${file.size}` } : {}),
    };
    if (c.req.method === 'HEAD') return c.body(null, status, responseHeaders);
    const { body } = await deps.store.get(file.key, file.size === 0 ? undefined : { start, end });
    return c.body(Readable.toWeb(body) as ReadableStream, status, responseHeaders);
  };

  app.on(['GET', 'HEAD'], '/media/:showSlug/*', serve);
  return app;
}
