import { type Readable, Transform } from 'node:stream';

/**
 * Passes on `length` bytes of `source` after skipping `skip`, then stops reading it. Used
 * when a store answers a wider range than asked, so callers always get exactly their range.
 */
export function sliceStream(source: Readable, skip: number, length: number): Readable {
  let toSkip = skip;
  let remaining = length;
  const slice = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let part = chunk;
      if (toSkip > 0) {
        const dropped = Math.min(toSkip, part.length);
        toSkip -= dropped;
        part = part.subarray(dropped);
      }
      if (remaining > 0 && part.length > 0) {
        const kept = part.subarray(0, remaining);
        remaining -= kept.length;
        this.push(kept);
      }
      if (remaining === 0) {
        // Enough: end our side and stop the transfer instead of draining the rest.
        // Errors from the abandoned source no longer concern the reader, who has all its bytes.
        this.push(null);
        source.unpipe(slice);
        source.off('error', forwardError);
        source.on('error', () => {});
        source.destroy();
      }
      callback();
    },
  });
  const forwardError = (error: Error) => slice.destroy(error);
  source.on('error', forwardError);
  source.pipe(slice);
  return slice;
}
