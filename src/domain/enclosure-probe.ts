import type { FeedProblem } from './feed-check.js';

/** An enclosure as the feed states it. */
export interface EnclosureToProbe {
  episodeId: string;
  title: string;
  url: string;
  length: number;
  type: string;
}

/**
 * How probes are sent: the container passes the guarded fetch (public addresses only unless
 * ALLOW_PRIVATE_URLS; redirects followed, each hop checked), so a probe reaches nothing a
 * podcast app could not.
 */
export type ProbeFetch = (
  url: string,
  init: { method: 'HEAD' | 'GET'; headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

export interface ProbeOptions {
  fetch: ProbeFetch;
  /** Enclosures probed at once (4): a check of a long show must not hammer the media host. */
  concurrency?: number;
  /** Per request (10 s). */
  timeoutMs?: number;
}

type Say = { nl: string; en: string };

/** What a reply to `Range: bytes=0-1` may carry before the probe stops reading (a server that ignores Range sends it all). */
const maxProbeBody = 64 * 1024;

/**
 * Probes every enclosure the way Apple's validator does before it accepts a feed: `HEAD` must
 * answer 200 with a Content-Length equal to the enclosure's length and an audio (or, for a video
 * enclosure, video) Content-Type, and `GET` with `Range: bytes=0-1` must answer 206 with a
 * Content-Range and exactly those two bytes (apps seek, and Apple refuses media without byte
 * ranges). Download counting ignores both requests (HEAD, and a range of two bytes), so a check
 * never adds a download. Findings come back in the feed check's shape, one per fault.
 */
export async function probeEnclosures(
  enclosures: readonly EnclosureToProbe[],
  options: ProbeOptions,
): Promise<FeedProblem[]> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const results: FeedProblem[][] = new Array(enclosures.length);
  let next = 0;
  const lane = async () => {
    while (next < enclosures.length) {
      const index = next++;
      results[index] = await probeOne(enclosures[index], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, enclosures.length) }, lane));
  return results.flat();
}

async function probeOne(enclosure: EnclosureToProbe, options: ProbeOptions): Promise<FeedProblem[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { title, url } = enclosure;
  const problems: FeedProblem[] = [];
  const add = (code: string, say: Say) =>
    problems.push({ level: 'error', code, message: say.en, episodeId: enclosure.episodeId, messages: say });
  const headers = { 'user-agent': 'zender-feed-check/1 (like the Apple Podcasts validator)' };

  let head: Response;
  try {
    head = await options.fetch(url, { method: 'HEAD', headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const why = failure(error, timeoutMs);
    add('enclosure_unreachable', {
      nl: `"${title}": het audiobestand ${url} is niet bereikbaar (${why.nl}).`,
      en: `"${title}": the audio file ${url} cannot be reached (${why.en}).`,
    });
    return problems;
  }
  await head.body?.cancel().catch(() => {});
  if (head.status !== 200) {
    add('enclosure_head_status', {
      nl: `"${title}": ${url} antwoordt ${head.status} op een HEAD-verzoek; Apple verwacht 200.`,
      en: `"${title}": ${url} answers ${head.status} to a HEAD request; Apple expects 200.`,
    });
  } else {
    const length = head.headers.get('content-length');
    if (length !== String(enclosure.length)) {
      add('enclosure_length_differs', {
        nl: `"${title}": de server noemt ${length ?? 'geen'} bytes (Content-Length), de feed ${enclosure.length}.`,
        en: `"${title}": the server states ${length ?? 'no'} bytes (Content-Length), the feed ${enclosure.length}.`,
      });
    }
    const type = (head.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const family = enclosure.type.startsWith('video/') ? /^(audio|video)\// : /^audio\//;
    if (!family.test(type)) {
      add('enclosure_type_not_audio', {
        nl: `"${title}": de server geeft het type ${type || '(geen)'} (Content-Type), geen audio; de feed zegt ${enclosure.type}.`,
        en: `"${title}": the server gives the type ${type || '(none)'} (Content-Type), not audio; the feed says ${enclosure.type}.`,
      });
    }
  }

  let ranged: Response;
  try {
    ranged = await options.fetch(url, {
      method: 'GET',
      headers: { ...headers, range: 'bytes=0-1' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const why = failure(error, timeoutMs);
    add('enclosure_unreachable', {
      nl: `"${title}": ${url} antwoordt niet op een verzoek om de eerste twee bytes (${why.nl}).`,
      en: `"${title}": ${url} does not answer a request for its first two bytes (${why.en}).`,
    });
    return problems;
  }
  const received = await countBytes(ranged);
  const contentRange = ranged.headers.get('content-range');
  const total = /^bytes 0-1\/(\d+|\*)$/.exec(contentRange ?? '')?.[1];
  const fault =
    ranged.status !== 206
      ? { nl: `antwoordt ${ranged.status} in plaats van 206`, en: `answers ${ranged.status} instead of 206` }
      : !total
        ? {
            nl: `geeft Content-Range ${contentRange ?? '(geen)'} in plaats van bytes 0-1/…`,
            en: `gives Content-Range ${contentRange ?? '(none)'} instead of bytes 0-1/…`,
          }
        : total !== '*' && total !== String(enclosure.length)
          ? {
              nl: `noemt in Content-Range ${total} bytes in totaal, de feed ${enclosure.length}`,
              en: `states ${total} bytes in all in Content-Range, the feed ${enclosure.length}`,
            }
          : received !== 2
            ? { nl: `stuurt ${received} bytes in plaats van 2`, en: `sends ${received} bytes instead of 2` }
            : null;
  if (fault) {
    add('enclosure_range_unsupported', {
      nl: `"${title}": ${url} ${fault.nl} op Range: bytes=0-1; Apple vereist dat audio in delen op te vragen is.`,
      en: `"${title}": ${url} ${fault.en} to Range: bytes=0-1; Apple requires audio to be served in byte ranges.`,
    });
  }
  return problems;
}

/** Bytes in the body, reading no further than `maxProbeBody` (then the rest is cancelled). */
async function countBytes(response: Response): Promise<number> {
  if (!response.body) return 0;
  const reader = response.body.getReader();
  let count = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count += value.byteLength;
      if (count > maxProbeBody) break;
    }
  } catch {
    // A body cut short counts as what arrived.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return count;
}

function failure(error: unknown, timeoutMs: number): Say {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return { nl: `geen antwoord binnen ${timeoutMs / 1000} s`, en: `no answer within ${timeoutMs / 1000} s` };
  if (error instanceof Error && error.name === 'RefusedAddressError')
    return {
      nl: `${error.message}; zet ALLOW_PRIVATE_URLS=true voor een intranet`,
      en: `${error.message}; set ALLOW_PRIVATE_URLS=true for an intranet`,
    };
  const code =
    error instanceof Error
      ? ((error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code)
      : undefined;
  const text = error instanceof Error ? error.message : String(error);
  const said = code ? `${text} (${code})` : text;
  return { nl: said, en: said };
}
