import { describe, expect, it } from 'vitest';
import { PeaksAccumulator } from './peaks-accumulator.js';

function pcm(samples: number[]): Buffer {
  const buffer = Buffer.alloc(samples.length * 2);
  for (const [i, s] of samples.entries()) buffer.writeInt16LE(s, i * 2);
  return buffer;
}

describe('PeaksAccumulator', () => {
  it('folds samples into 8-bit min/max pairs, the partial last pixel included', () => {
    const acc = new PeaksAccumulator(3);
    acc.push(pcm([0, 32767, -32768, 256, 512, -256, 1000]));
    expect(acc.finish()).toEqual([-128, 127, -1, 2, 3, 3]);
  });

  it('gives the same result however the bytes are chunked, odd splits included', () => {
    const samples = Array.from({ length: 1001 }, (_, i) => Math.round(Math.sin(i / 7) * 20000));
    const whole = new PeaksAccumulator(10);
    whole.push(pcm(samples));
    const bytes = pcm(samples);
    const chunked = new PeaksAccumulator(10);
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + ((at * 7) % 13);
      chunked.push(bytes.subarray(at, at + size));
      at += size;
    }
    expect(chunked.finish()).toEqual(whole.finish());
  });

  it('handles Buffers at odd offsets (slices of a larger allocation)', () => {
    const backing = Buffer.alloc(9);
    pcm([100 * 256, -100 * 256, 5 * 256, 7 * 256]).copy(backing, 1);
    const acc = new PeaksAccumulator(4);
    acc.push(backing.subarray(1));
    expect(acc.finish()).toEqual([-100, 100]);
  });

  it('refuses a nonsensical zoom', () => {
    expect(() => new PeaksAccumulator(0)).toThrow(RangeError);
    expect(() => new PeaksAccumulator(1.5)).toThrow(RangeError);
  });
});
