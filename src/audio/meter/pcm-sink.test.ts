import { describe, expect, it } from 'vitest';
import { pcmSink } from './pcm-sink.js';

async function feed(format: 'f32le' | 's16le', bytes: Buffer, splits: number[]) {
  const received: number[] = [];
  const sink = pcmSink(format, 2, (samples) => {
    expect(samples.length % 2).toBe(0); // whole frames only
    received.push(...samples);
  });
  let at = 0;
  for (const split of [...splits, bytes.length]) {
    await new Promise<void>((resolve, reject) =>
      sink.write(bytes.subarray(at, split), (error) => (error ? reject(error) : resolve())),
    );
    at = split;
  }
  await new Promise<void>((resolve) => sink.end(resolve));
  return received;
}

describe('pcmSink', () => {
  const values = [0.5, -0.25, 1, -1, 0.125, 0];

  it('reassembles float frames split anywhere, at any offset', async () => {
    const bytes = Buffer.from(new Float32Array(values).buffer);
    // Odd splits: a chunk ending mid-sample, mid-frame, and a one-byte chunk.
    expect(await feed('f32le', bytes, [3, 4, 13, 17])).toEqual(values);
  });

  it('turns 16-bit frames into floats on the same scale', async () => {
    const ints = new Int16Array(values.map((v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768)))));
    const expected = [0.5, -0.25, 32767 / 32768, -1, 0.125, 0];
    // Split mid-sample first (everything buffered), then after whole frames (straight from the
    // chunk), then mid-frame after a whole one (both ways in one chunk).
    expect(await feed('s16le', Buffer.from(ints.buffer), [1, 5, 6])).toEqual(expected);
    expect(await feed('s16le', Buffer.from(ints.buffer), [4, 6])).toEqual(expected);
    expect(await feed('s16le', Buffer.from(ints.buffer), [6])).toEqual(expected);
  });
});
