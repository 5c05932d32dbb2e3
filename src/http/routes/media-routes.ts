import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { WEB_PLAYER_PARAM, WEB_PLAYER_VALUE } from '../../analytics/web-player.js';
import type { Logger } from '../../common/logger.js';
import type { DownloadRecorder, EnclosureRequest } from '../../domain/download-recorder.js';
import type { PublicFile, PublicMedia } from '../../domain/public-media.js';
import type { PublicTextMedia } from '../../domain/public-text-media.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { parseByteRange } from '../byte-range.js';
import { noneMatchHit, rangeStillValid } from '../conditional-request.js';

export interface MediaRoutesDeps {
  media: PublicMedia;
  textMedia: PublicTextMedia;
  store: BlobStore;
  downloads: DownloadRecorder;
  logger: Logger;
  /** The client address (TRUST_PROXY decides whose X-Forwarded-For counts), for the listener hash only; never stored. */
  clientIp?: (c: Context) => string | null;
}

export function socketAddress(c: Context): string | null {
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
  const clientIp = deps.clientIp ?? socketAddress;

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

    // Enclosure requests are recorded for download counting (peaks and artwork are not).
    const count =
      file.analytics?.fileKind === 'audio'
        ? (status: number, served: EnclosureRequest['range']) =>
            deps.downloads.record({
              episodeId: file.analytics!.episodeId,
              method: c.req.method,
              status,
              range: served,
              fileSize: file.size,
              address: clientIp(c),
              userAgent: c.req.header('user-agent') ?? null,
              webPlayer: c.req.query(WEB_PLAYER_PARAM) === WEB_PLAYER_VALUE,
            })
        : null;

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
    if (redirect) {
      // The bytes go from the object store: what was asked for is all zender sees.
      if (range.kind === 'unsatisfiable') count?.(416, null);
      else if (range.kind === 'partial') count?.(302, { start: range.start, end: range.end });
      else count?.(302, file.size > 0 ? { start: 0, end: file.size - 1 } : null);
      return c.redirect(redirect, 302);
    }

    // If-None-Match comes before Range (RFC 9110 13.2.2): a current copy gets 304, ranged or not.
    if (noneMatchHit(c.req.header('if-none-match'), etag)) {
      count?.(304, null);
      return c.body(null, 304, headers);
    }
    if (range.kind === 'unsatisfiable') {
      count?.(416, null);
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
    if (c.req.method === 'HEAD') {
      count?.(status, null);
      return c.body(null, status, responseHeaders);
    }
    const { body } = await deps.store.get(file.key, file.size === 0 ? undefined : { start, end });
    const web = Readable.toWeb(body) as ReadableStream;
    if (count) {
      // Count the bytes that actually went out (a player that reads a little and hangs up has
      // not been served the whole range), once the stream ends or is cut.
      let sent = 0;
      body.on('data', (chunk: Buffer) => {
        sent += chunk.length;
      });
      body.once('close', () =>
        count(status, sent > 0 ? { start, end: start + Math.min(sent, length) - 1 } : null),
      );
    }
    return c.body(web, status, responseHeaders);
  };

  app.on(['GET', 'HEAD'], '/media/:showSlug/*', serve);
  return app;
}
