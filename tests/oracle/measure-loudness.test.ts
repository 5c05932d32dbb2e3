import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../../src/audio/resolve-media-tools.js';
import { fixtureDir, generateTone } from '../fixtures/generate-audio.js';
import { measureLoudness } from './measure-loudness.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('measureLoudness', () => {
  it('measures a 1 kHz stereo sine at its level (LUFS equals dBFS there)', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'quiet.wav'), { levelDbfs: -30 });
    const progress: number[] = [];
    const measured = await measureLoudness(tools, file, { onProgress: (p) => progress.push(p) });
    expect(measured.integratedLufs).toBeCloseTo(-30, 0);
    expect(measured.truePeakDbtp).toBeCloseTo(-30, 0);
    expect(measured.lra).toBeLessThan(1);
    expect(measured.thresholdLufs).toBeCloseTo(-40, 0);
    expect(progress.at(-1)).toBe(100);
  });

  it('agrees with loudnorm’s first pass, which also gives a target offset', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'noise.flac'), {
      noise: true,
      levelDbfs: -12,
      seconds: 6,
    });
    const fast = await measureLoudness(tools, file);
    const loudnorm = await measureLoudness(tools, file, { method: 'loudnorm', targetLufs: -16 });
    expect(Math.abs(fast.integratedLufs - loudnorm.integratedLufs)).toBeLessThan(0.2);
    expect(Math.abs(fast.truePeakDbtp - loudnorm.truePeakDbtp)).toBeLessThan(0.3);
    expect(Math.abs(fast.thresholdLufs - loudnorm.thresholdLufs)).toBeLessThan(0.2);
    expect(fast.targetOffset).toBe(0);
    expect(Number.isFinite(loudnorm.targetOffset)).toBe(true);
  });

  it('reports digital silence with finite floors', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'silence.wav'), {
      levelDbfs: -200,
      seconds: 3,
    });
    expect(await measureLoudness(tools, file)).toMatchObject({ integratedLufs: -70, truePeakDbtp: -99 });
  });
});
