import type { ReadyFeed } from '../domain/feed-delivery.js';
import { noneMatchHit } from './conditional-request.js';

export interface FeedRequest {
  method: string;
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  acceptEncoding?: string | null;
}

export interface FeedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/** Chooses br, then gzip, then identity, honouring q=0. */
function pickEncoding(header: string | null | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return null;
}

type HeaderSets = Record<'notModified' | 'identity' | 'gzip' | 'br', Record<string, string>>;

function headerSetsFor(feed: ReadyFeed): HeaderSets {
  const common = {
    etag: feed.etag,
    'cache-control': 'public, max-age=300',
    vary: 'Accept-Encoding',
    'access-control-allow-origin': '*',
    ...(feed.link ? { link: feed.link } : {}),
  };
  const full = (body: Uint8Array, encoding?: string) => ({
    'content-type': 'application/rss+xml; charset=utf-8',
    ...common,
    'last-modified': feed.lastModified.toUTCString(),
    'x-content-type-options': 'nosniff',
    ...(encoding ? { 'content-encoding': encoding } : {}),
    'content-length': String(body.length),
  });
  return {
    // RFC 9110 15.4.5: a 304 carries the validators and caching fields a 200 would, and should
    // not carry other representation metadata.
    notModified: common,
    identity: full(feed.xml),
    gzip: full(feed.gzip, 'gzip'),
    br: full(feed.br, 'br'),
  };
}

/**
 * The HTTP answers for ready feeds: strong ETag and Last-Modified with 304s (If-None-Match wins
 * over If-Modified-Since, RFC 9110), br or gzip by Accept-Encoding, no body for HEAD. Used by
 * the Hono route and the node-level fast path so both answer byte for byte the same.
 *
 * The headers of each answer are made once per feed version and kept by this answerer (formatting
 * the date alone was a tenth of a 304's cost); they go with the version they were made for.
 */
export function createFeedAnswerer() {
  const headerSets = new WeakMap<ReadyFeed, HeaderSets>();
  return function answerFeed(feed: ReadyFeed, request: FeedRequest): FeedAnswer {
    let known = headerSets.get(feed);
    if (!known) {
      known = headerSetsFor(feed);
      headerSets.set(feed, known);
    }
    const { ifNoneMatch, ifModifiedSince } = request;
    const notModified = ifNoneMatch
      ? noneMatchHit(ifNoneMatch, feed.etag)
      : ifModifiedSince
        ? Math.floor(feed.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000)
        : false;
    if (notModified) return { status: 304, headers: known.notModified, body: null };
    const encoding = pickEncoding(request.acceptEncoding);
    const headers = known[encoding ?? 'identity'];
    const body = encoding === 'br' ? feed.br : encoding === 'gzip' ? feed.gzip : feed.xml;
    return { status: 200, headers, body: request.method === 'HEAD' ? null : body };
  };
}
