import { Readable, Transform } from 'node:stream';
import { type GuardedFetch, RefusedAddressError } from '../net/guarded-fetch.js';
import { ImportRefusal, megabytes } from './import-refusal.js';

/** Refuses the stream once more than `maxBytes` went through it (a server may lie about length). */
export function byteCap(maxBytes: number, onExceed: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(onExceed());
      else callback(null, chunk);
    },
  });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return String((error as { code?: string })?.code ?? cause?.code ?? (error as Error)?.message ?? error);
}

/**
 * A feed document: fetched through the address guard, refused past `maxBytes` while it streams
 * (a 500 MB "feed" never fills memory) and past `timeoutMs` in total (a feed that never ends).
 */
export async function fetchFeedText(
  fetch: GuardedFetch,
  url: string,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const tooSlow = () => new ImportRefusal('feed_too_slow', `${Math.round(limits.timeoutMs / 1000)} s`);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/rss+xml, application/xml;q=0.9, */*;q=0.5' },
      });
    } catch (error) {
      if (error instanceof RefusedAddressError) throw new ImportRefusal('address_refused', error.host);
      if (controller.signal.aborted) throw tooSlow();
      throw new ImportRefusal('feed_unreachable', describe(error));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new ImportRefusal('feed_http_status', String(response.status));
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new ImportRefusal('feed_too_large', megabytes(limits.maxBytes));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of Readable.fromWeb(response.body as never) as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limits.maxBytes) {
          controller.abort();
          throw new ImportRefusal('feed_too_large', megabytes(limits.maxBytes));
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof ImportRefusal) throw error;
      if (controller.signal.aborted) throw tooSlow();
      throw new ImportRefusal('feed_unreachable', describe(error));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens an enclosure (or chapters, transcript, artwork) for streaming; redirects are followed by
 * the guard, each hop checked. Network errors are tried again (`attempts` times in all); an
 * answer that is not 2xx is final.
 */
export async function openDownload(
  fetch: GuardedFetch,
  url: string,
  options: { attempts?: number; timeoutMs: number },
): Promise<{ body: Readable; type: string | null; length: number | null; abort: () => void }> {
  const attempts = options.attempts ?? 3;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => {});
        clearTimeout(timer);
        throw new ImportRefusal('enclosure_http_status', String(response.status));
      }
      const body = Readable.fromWeb(response.body as never);
      body.once('close', () => clearTimeout(timer));
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      return {
        body,
        type: response.headers.get('content-type'),
        length: Number.isFinite(length) ? length : null,
        abort: () => controller.abort(),
      };
    } catch (error) {
      clearTimeout(timer);
      if (error instanceof ImportRefusal) throw error;
      if (error instanceof RefusedAddressError) throw new ImportRefusal('address_refused', error.host);
      last = error;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  throw new ImportRefusal('enclosure_unreachable', describe(last));
}
