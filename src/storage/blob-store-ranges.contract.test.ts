import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generated, type Harness, openFs, openS3, readAll } from '../../tests/helpers/blob-store-harness.js';
import type { BlobStore } from './blob-store.js';
import { BlobNotFoundError, RangeNotSatisfiableError } from './storage-errors.js';

/** Byte ranges (what the media routes answer Range requests with), the same on every driver. */
describe.each([
  ['fs', openFs],
  ['s3 (s3rver)', openS3],
])('BlobStore byte ranges: %s', (_name, open: () => Promise<Harness>) => {
  const data = generated(300_000);
  const key = 'ranges/episode.mp3';
  let h: Harness;
  let store: BlobStore;
  beforeAll(async () => {
    h = await open();
    store = h.store;
    await store.put(key, data.stream());
  });
  afterAll(async () => h?.close());

  it.each([
    ['the first two bytes', 0, 1],
    ['the first byte', 0, 0],
    ['the last byte', 299_999, 299_999],
    ['a middle slice', 1_000, 200_000],
  ])('serves %s', async (_label, start, end) => {
    const got = await store.get(key, { start, end });
    expect(got.size).toBe(data.bytes.length);
    expect(got.range).toEqual({ start, end });
    expect(Buffer.compare(await readAll(got.body), data.bytes.subarray(start, end + 1))).toBe(0);
  });

  it('clamps an end past the last byte', async () => {
    const got = await store.get(key, { start: 299_990, end: 10_000_000 });
    expect(got.range).toEqual({ start: 299_990, end: 299_999 });
    expect(Buffer.compare(await readAll(got.body), data.bytes.subarray(299_990))).toBe(0);
  });

  it.each([
    ['starts at the size', 300_000, 300_010],
    ['starts past the size', 400_000, 500_000],
    ['ends before it starts', 10, 5],
    ['is negative', -1, 5],
  ])('refuses a range that %s', async (_label, start, end) => {
    const error = await store.get(key, { start, end }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeNotSatisfiableError);
    expect((error as RangeNotSatisfiableError).size).toBe(data.bytes.length);
  });

  it('reports a missing object before judging its range', async () => {
    await expect(store.get('ranges/missing.mp3', { start: 0, end: 1 })).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
  });
});
