import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, generateHostileCorpus, generateTone } from '../../tests/fixtures/generate-audio.js';
import { measureLoudness } from '../../tests/oracle/measure-loudness.js';
import { encodeDelivery } from './encode-delivery.js';
import { meterAudio } from './meter/meter-audio.js';
import { resolveMediaTools } from './resolve-media-tools.js';
import { validateRecording } from './validate-recording.js';

// The npm-shipped binaries are a 2018 ffmpeg and a 2023 ffprobe: the fallback on a machine
// without system ffmpeg must run every filter and option audio/ uses.
const system = resolveMediaTools();
const npm = resolveMediaTools({ searchPath: '/nonexistent' });
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('with the npm-shipped ffmpeg and ffprobe', () => {
  it('validates, measures, encodes (limiter included) and reports', async () => {
    const input = await generateTone(system.ffmpegPath, path.join(dir, 'clicks.wav'), {
      levelDbfs: -30,
      clicks: true,
      seconds: 6,
    });
    const recording = await validateRecording(npm, input, { maxDurationSeconds: 3600 });
    expect(recording.durationSeconds).toBeCloseTo(6, 1);
    const metered = await meterAudio(npm, input, {
      channels: 2,
      sampleRate: 44100,
      envelope: { pixelsPerSecond: 10 },
    });
    const output = path.join(dir, 'out.mp3');
    const result = await encodeDelivery(npm, input, output, {
      targetLufs: -16,
      input: metered,
      mono: false,
      tags: { title: 'x' },
    });
    expect(result.mode).toBe('limited');
    expect(result.delivered.peaks.length).toBeGreaterThan(55);
    const loudness = await measureLoudness(npm, output);
    expect(Math.abs(loudness.integratedLufs + 16)).toBeLessThanOrEqual(1);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-0.9);
  });

  it('refuses the hostile corpus the same way', async () => {
    const hostile = await generateHostileCorpus(system.ffmpegPath, dir);
    const reasons: Record<string, string> = {};
    for (const [name, file] of Object.entries(hostile)) {
      reasons[name] = await validateRecording(npm, file, { maxDurationSeconds: 3600 }).then(
        (r) => (r.truncated ? 'truncated-kept' : 'ok'),
        (e) => e.reason,
      );
    }
    expect(reasons).toEqual({
      empty: 'undecodable',
      text: 'undecodable',
      truncatedMp3: 'truncated-kept',
      lyingWav: 'ok',
      pngAsWav: 'undecodable',
      videoOnly: 'no_audio_stream',
      claims24h: 'truncated-kept',
      headerOnlyWav: 'zero_duration',
      playlistAsMp3: 'undecodable',
    });
  });
});
