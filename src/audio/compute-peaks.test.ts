import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, generateTone } from '../../tests/fixtures/generate-audio.js';
import { computePeaks } from './compute-peaks.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('computePeaks', () => {
  it('produces audiowaveform JSON v2 at the asked resolution', async () => {
    // Half scale (-6 dBFS) for 2 s, then 2 s of silence.
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'half.wav'), {
      seconds: 2,
      levelDbfs: -6.0206,
      tailSilence: 2,
      sampleRate: 48000,
    });
    const peaks = await computePeaks(tools, file, { pixelsPerSecond: 10 });
    expect(peaks).toMatchObject({
      version: 2,
      channels: 1,
      sample_rate: 48000,
      samples_per_pixel: 4800,
      bits: 8,
    });
    expect(peaks.length).toBe(40);
    expect(peaks.data).toHaveLength(80);
    const pixel = (i: number) => peaks.data.slice(i * 2, i * 2 + 2);
    expect(pixel(5)[0]).toBeGreaterThanOrEqual(-65);
    expect(pixel(5)[0]).toBeLessThanOrEqual(-63);
    expect(pixel(5)[1]).toBeGreaterThanOrEqual(62);
    expect(pixel(5)[1]).toBeLessThanOrEqual(64);
    expect(pixel(30)).toEqual([0, 0]);
  });

  it('takes samplesPerPixel as given', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'short.flac'), {
      seconds: 1,
      sampleRate: 8000,
    });
    const peaks = await computePeaks(tools, file, { samplesPerPixel: 1000 });
    expect(peaks).toMatchObject({ sample_rate: 8000, samples_per_pixel: 1000, length: 8 });
  });

  it('keeps memory flat: PCM streams through instead of piling up', async () => {
    // 5 minutes resampled to 44.1 kHz is 26 MB of PCM; the peaks are a few kB. Memory is sampled
    // after a forced collection, so only what is still held counts, not garbage awaiting GC.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'ten-minutes.wav'), {
      seconds: 300,
      sampleRate: 8000,
      channels: 1,
      noise: true,
    });
    gc();
    const before = process.memoryUsage();
    let highest = 0;
    const timer = setInterval(() => {
      gc();
      const now = process.memoryUsage();
      highest = Math.max(highest, now.arrayBuffers - before.arrayBuffers + now.heapUsed - before.heapUsed);
    }, 100);
    const peaks = await computePeaks(tools, file, { sampleRate: 44100, pixelsPerSecond: 20 }).finally(() =>
      clearInterval(timer),
    );
    expect(peaks.length).toBe(6000);
    // Held at once: well under half of the whole PCM (a buffering implementation holds all of it).
    // A fixed 8 MB bound failed once in CI at 9.1 MB when pipe buffers ran ahead on a loaded machine.
    const wholePcm = 300 * 44_100 * 2;
    expect(highest).toBeLessThan(wholePcm / 2);
  });
});
