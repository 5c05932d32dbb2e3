import type { ByteRange } from './blob-store.js';
import { RangeNotSatisfiableError } from './storage-errors.js';

/**
 * Checks an inclusive byte range against an object's size and clamps an end past the last
 * byte, as HTTP does (`bytes=0-999999` on a small file means "to the end"). A start at or
 * past the end, a negative or fractional bound, or an end before the start cannot be served.
 * Both drivers use it so they answer every range the same way.
 */
export function clampRange(range: ByteRange, size: number): ByteRange {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || start >= size)
    throw new RangeNotSatisfiableError(size);
  return { start, end: Math.min(end, size - 1) };
}
