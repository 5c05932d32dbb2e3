import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often an idle follower looks again: small against any encode, cheap at a read a poll. */
const pollMs = 20;
const chunkBytes = 1 << 20;

/**
 * The bytes of a file another process is still writing, as they are written, ending once
 * `writerDone` settles and the rest has been read. A reader can then start on the head of an
 * encoder's output while the encoder writes its tail: the delivered MP3 is metered during its
 * encode rather than after it, on the core the encoder leaves idle.
 *
 * The file is read as it is at each moment; what the writer rewrites later in place (the MP3
 * muxer fills in its Xing/Info frame at the end) is seen as first written. A writer that fails
 * ends the stream with its error. The file need not exist yet: it is waited for, since the writer
 * may still be reading its inputs when following starts.
 *
 * @example
 * const encoding = runFfmpeg(tools, { ..., outputs: [{ target: 'out.mp3', options }] });
 * const metering = meterAudio(tools, followGrowingFile('out.mp3', encoding), { channels: 2, sampleRate: 44100 });
 */
export function followGrowingFile(
  file: string,
  writerDone: Promise<unknown>,
  signal?: AbortSignal,
): Readable {
  let settled = false;
  let writerError: unknown;
  writerDone.then(
    () => {
      settled = true;
    },
    (error: unknown) => {
      settled = true;
      writerError = error ?? new Error('the writer failed');
    },
  );
  return Readable.from(follow(), { objectMode: false });

  async function* follow(): AsyncGenerator<Buffer> {
    const handle = await openWhenCreated();
    if (!handle) return;
    try {
      let position = 0;
      const buffer = Buffer.allocUnsafe(chunkBytes);
      for (;;) {
        signal?.throwIfAborted();
        // Read after noting whether the writer is done: a read that comes back empty once it is
        // done has reached the real end, not merely the writer's last flush.
        const writerFinished = settled;
        if (writerError) throw writerError;
        const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
        if (bytesRead > 0) {
          position += bytesRead;
          // A copy: the reading buffer is used again while the consumer may still hold this.
          yield Buffer.from(buffer.subarray(0, bytesRead));
        } else if (writerFinished) {
          return;
        } else {
          await sleep(pollMs, undefined, { signal });
        }
      }
    } finally {
      await handle.close();
    }
  }

  async function openWhenCreated() {
    for (;;) {
      signal?.throwIfAborted();
      const finishedBefore = settled;
      if (writerError) throw writerError;
      try {
        return await open(file, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // Done without ever creating the file: there is nothing to follow.
        if (finishedBefore) return undefined;
      }
      await sleep(pollMs, undefined, { signal });
    }
  }
}
