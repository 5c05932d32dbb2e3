import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface CompressedFeed {
  gzip: Buffer;
  br: Buffer;
}

/**
 * A feed compressed for delivery, on libuv's thread pool (zlib's async API), never on the event
 * loop: brotli at quality 11 takes seconds for a feed of a few thousand episodes (~6 s for
 * 3.2 MB on a shared test machine), which synchronously stalled every request of the process.
 * The rebuild job does it once per build (see feed-publisher.ts); `quality` is lower only for
 * documents stored before that, compressed once by each process that serves them.
 */
export async function compressFeed(xml: Buffer, { quality = 11 } = {}): Promise<CompressedFeed> {
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
