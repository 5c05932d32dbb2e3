import type { GuardedFetch } from '../net/guarded-fetch.js';
import { fetchFeedText } from './capped-fetch.js';
import { ImportRefusal } from './import-refusal.js';

const attachmentLimits = { maxBytes: 5 * 1024 * 1024, timeoutMs: 30_000 };
const artworkLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 30_000 };

/** Chapters JSON or a transcript file a feed links: small text, fetched with the feed's caps. */
export async function fetchAttachmentText(fetch: GuardedFetch, url: string): Promise<string> {
  return fetchFeedText(fetch, url, attachmentLimits);
}

/**
 * Artwork by its bytes, not its name or header: hosts serve `itunes:image` without an extension
 * and often as application/octet-stream. Only JPEG and PNG are artwork Apple accepts.
 */
export async function fetchArtwork(
  fetch: GuardedFetch,
  url: string,
): Promise<{ contentType: 'image/jpeg' | 'image/png'; data: Buffer }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), artworkLimits.timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new ImportRefusal('attachment_failed', `artwork: HTTP ${response.status}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > artworkLimits.maxBytes) {
        controller.abort();
        throw new ImportRefusal('attachment_failed', 'artwork: too large');
      }
      chunks.push(Buffer.from(chunk));
    }
    const data = Buffer.concat(chunks);
    if (data[0] === 0xff && data[1] === 0xd8) return { contentType: 'image/jpeg', data };
    if (data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])))
      return { contentType: 'image/png', data };
    throw new ImportRefusal('attachment_failed', 'artwork: not JPEG or PNG');
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal('attachment_failed', `artwork: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** A transcript's type as the feed declares it, in the form the transcript upload understands. */
export function transcriptContentType(declared: string): string | undefined {
  const type = declared.toLowerCase();
  if (type.includes('vtt')) return 'text/vtt';
  if (type.includes('srt') || type.includes('subrip')) return 'application/x-subrip';
  if (type.includes('json')) return 'application/json';
  return undefined;
}
