import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, generateTone, run } from '../../tests/fixtures/generate-audio.js';
import { computePeaks } from './compute-peaks.js';
import { detectSilence } from './detect-silence.js';
import { measureLoudness } from './measure-loudness.js';
import { qualityReport } from './quality-report.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('qualityReport', () => {
  it('gives loudness, silences and peaks in one call, equal to the separate measurements', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'padded.mp3'), {
      seconds: 4,
      levelDbfs: -12,
      leadSilence: 1,
      tailSilence: 1.5,
    });
    const report = await qualityReport(tools, file, { peaks: { pixelsPerSecond: 10 } });
    const loudness = await measureLoudness(tools, file);
    expect(report.loudness).toEqual(loudness);
    expect(report.silences).toEqual(await detectSilence(tools, file));
    expect(report.peaks).toEqual(await computePeaks(tools, file, { pixelsPerSecond: 10 }));
    expect(report.durationSeconds).toBeCloseTo(6.5, 1);
    expect(report.leadingSilenceSeconds).toBeCloseTo(1, 1);
    expect(report.trailingSilenceSeconds).toBeGreaterThan(1.3);
    expect(report.samplePeakDbfs).toBeCloseTo(-12, 0);
    expect(report.clipping.clipped).toBe(false);
  });

  it('flags a recording that was clipped before it reached us', async () => {
    const file = path.join(dir, 'clipped.wav');
    await run(tools.ffmpegPath, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=440:d=3:sample_rate=44100'],
      ...['-af', 'aformat=sample_fmts=flt,volume=24dB,aformat=sample_fmts=s16', '-c:a', 'pcm_s16le', file],
    ]);
    const report = await qualityReport(tools, file);
    expect(report.clipping.clipped).toBe(true);
    expect(report.clipping.flatFactor).toBeGreaterThan(0);
    expect(report.samplePeakDbfs).toBeGreaterThan(-0.1);
    expect(report.peaks).toBeUndefined();
  });
});
