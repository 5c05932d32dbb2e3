import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { BlobTooLargeError } from './storage-errors.js';

export interface HashingMeter {
  /** Pipe the upload through this; it passes bytes on unchanged. */
  readonly stream: Transform;
  /** Size and sha256 of everything that passed; call once the stream has finished. */
  result(): { size: number; sha256: string };
  /** True once the limit was crossed (the stream was failed with BlobTooLargeError). */
  readonly overflowed: boolean;
}

/**
 * Hashes and counts bytes while they stream to storage, so a put never has to re-read what
 * it wrote, and fails the stream with BlobTooLargeError as soon as more than `maxBytes`
 * arrive (before those bytes are passed on), so an oversized upload stops early.
 */
export function createHashingMeter(maxBytes?: number): HashingMeter {
  const hash = createHash('sha256');
  let size = 0;
  let overflowed = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        overflowed = true;
        callback(new BlobTooLargeError(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return {
    stream,
    get overflowed() {
      return overflowed;
    },
    result: () => ({ size, sha256: hash.digest('hex') }),
  };
}
