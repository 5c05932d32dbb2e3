import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface CompressedFeed {
  gzip: Buffer;
  br: Buffer;
}

/**
 * Brotli quality 11 costs ~2 s of CPU per MB of feed (6.3 s for 3.2 MB, and 17-46 s on a loaded
 * two-core machine, where it starved the API sharing the process with the worker) for ~12% fewer
 * bytes than quality 9, which takes ~0.2 s. Worth it for the many small feeds, not the few large.
 */
const BEST_QUALITY_UP_TO = 1_000_000;

/**
 * A feed compressed for delivery, on libuv's thread pool (zlib's async API), never on the event
 * loop: done synchronously per load, it stalled every request of the process for seconds. The
 * rebuild job does it once per build (see feed-publisher.ts).
 */
export async function compressFeed(xml: Buffer): Promise<CompressedFeed> {
  const quality = xml.length <= BEST_QUALITY_UP_TO ? 11 : 9;
  const [gz, br] = await Promise.all([
    gzipAsync(xml, { level: 9 }),
    brotliAsync(xml, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: xml.length,
      },
    }),
  ]);
  return { gzip: gz, br };
}
