import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureDir,
  generateSpeech,
  generateTone,
  hasEspeak,
} from '../../../tests/fixtures/generate-audio.js';
import { measureLoudness } from '../../../tests/oracle/measure-loudness.js';
import { runFfmpeg } from '../ffmpeg-runner.js';
import { probeAudio } from '../probe-audio.js';
import { resolveMediaTools } from '../resolve-media-tools.js';
import { meterAudio } from './meter-audio.js';
import { PcmMeter } from './pcm-meter.js';
import { dbfs, signalReport } from './signal-report.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

/** Interleaved stereo frames of a function of time. */
function stereo(seconds: number, rate: number, f: (t: number, n: number) => number): Float32Array {
  const frames = Math.round(seconds * rate);
  const out = new Float32Array(frames * 2);
  for (let n = 0; n < frames; n++) out[2 * n] = out[2 * n + 1] = f(n / rate, n);
  return out;
}

function meter(samples: Float32Array, rate = 48000, chunkFrames = 4096) {
  const m = new PcmMeter({ sampleRate: rate, channels: 2, envelope: { pixelsPerSecond: 20 } });
  for (let i = 0; i < samples.length; i += chunkFrames * 2) m.push(samples.subarray(i, i + chunkFrames * 2));
  return m.finish();
}

const sine =
  (db: number, hz = 1000) =>
  (t: number) =>
    10 ** (db / 20) * Math.sin(2 * Math.PI * hz * t);

describe('PcmMeter against the EBU test signals (Tech 3341, 3342)', () => {
  it('reads a 1 kHz stereo sine at -23 dBFS as -23.0 LUFS (3341 case 1)', () => {
    const result = meter(stereo(20, 48000, sine(-23)));
    expect(result.integratedLufs).toBeCloseTo(-23, 1);
  });

  it('reads 20 s at -20 dBFS then 20 s at -30 dBFS as a loudness range of 10 LU (3342 case 1)', () => {
    const result = meter(stereo(40, 48000, (t) => sine(t < 20 ? -20 : -30)(t)));
    expect(Math.abs(result.lra - 10)).toBeLessThanOrEqual(1);
  });

  it('gates out silence: a tone with long silences reads as loud as the tone alone', () => {
    const result = meter(
      stereo(30, 44100, (t) => (t % 10 < 3 ? sine(-20)(t) : 0)),
      44100,
    );
    // Ungated, 70 % silence would read 5.2 LU lower; only blocks straddling an edge count a little.
    expect(result.integratedLufs).toBeGreaterThan(-20.5);
    expect(result.integratedLufs).toBeLessThan(-19.9);
    const silent = meter(new Float32Array(44100 * 2 * 5), 44100);
    expect(silent.integratedLufs).toBe(-70);
    expect(silent.truePeak).toBe(0);
  });

  it('finds the peak between samples: a sine at a quarter of the rate sampled at 45 degrees is 3 dB over its samples', () => {
    const rate = 48000;
    const result = meter(
      stereo(2, rate, (_t, n) => 0.5 * Math.sin((Math.PI / 2) * n + Math.PI / 4)),
      rate,
    );
    expect(dbfs(result.samplePeak)).toBeCloseTo(-9.03, 1);
    expect(Math.abs(dbfs(result.truePeak) - -6.02)).toBeLessThan(0.3);
  });

  it('gives the same figures whatever the chunking of the stream', () => {
    const signal = stereo(
      6,
      44100,
      (t) => sine(-18, 440)(t) * (t % 2 < 1 ? 1 : 0.1) + (t > 3 ? 0.3 : 0) * sine(-6, 9000)(t),
    );
    const whole = meter(signal, 44100, 1 << 20);
    for (const chunk of [1, 7, 4410, 8191]) {
      const parts = meter(signal, 44100, chunk);
      expect(parts.integratedLufs).toBeCloseTo(whole.integratedLufs, 9);
      expect(parts.lra).toBeCloseTo(whole.lra, 9);
      expect(parts.truePeak).toBe(whole.truePeak);
      expect(parts.envelope?.peakData()).toEqual(whole.envelope?.peakData());
    }
  });

  it('counts flat tops at full scale (clipping) and not a clean sine just under it', () => {
    const clipped = meter(
      stereo(1, 44100, (t) => Math.max(-1, Math.min(1, 2 * Math.sin(2 * Math.PI * 100 * t)))),
      44100,
    );
    expect(clipped.flatTopRuns).toBeGreaterThan(100);
    const clean = meter(stereo(1, 44100, sine(-1, 100)), 44100);
    expect(clean.flatTopRuns).toBe(0);
  });

  it('reads the same loudness in loudness-only mode (trial passes), leaving peaks out', () => {
    const samples = stereo(30, 44100, (t) => (t % 10 < 3 ? sine(-20)(t) : sine(-32, 440)(t)));
    const full = meter(samples, 44100);
    const only = new PcmMeter({ sampleRate: 44100, channels: 2, loudnessOnly: true });
    for (let i = 0; i < samples.length; i += 8192) only.push(samples.subarray(i, i + 8192));
    const result = only.finish();
    expect(result.integratedLufs).toBe(full.integratedLufs);
    expect(result.lra).toBe(full.lra);
    expect(result.durationSeconds).toBe(full.durationSeconds);
    expect(full.truePeak).toBeGreaterThan(0.09);
    expect(result.truePeak).toBe(0);
  });
});

describe('meterAudio against ffmpeg', () => {
  async function compare(file: string) {
    const probe = await probeAudio(tools, file);
    const ours = await meterAudio(tools, file, {
      channels: probe.audio.channels === 1 ? 1 : 2,
      sampleRate: probe.audio.sampleRate,
      envelope: { pixelsPerSecond: 20 },
    });
    const ffmpeg = await measureLoudness(tools, file);
    expect(Math.abs(ours.integratedLufs - ffmpeg.integratedLufs)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(ours.lra - ffmpeg.lra)).toBeLessThanOrEqual(0.5);
    // ffmpeg oversamples with its resampler, we with libebur128's interpolator.
    expect(Math.abs(dbfs(ours.truePeak) - ffmpeg.truePeakDbtp)).toBeLessThanOrEqual(0.3);
    return ours;
  }

  it('agrees on pink noise in a 48 kHz m4a', async () => {
    await compare(
      await generateTone(tools.ffmpegPath, path.join(dir, 'noise.m4a'), {
        noise: true,
        levelDbfs: -12,
        sampleRate: 48000,
        seconds: 8,
      }),
    );
  });

  it('reads a 16-bit recording the same through a 16-bit pipe as through a float one', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'pcm16.wav'), {
      noise: true,
      seconds: 4,
    });
    const options = { channels: 2, sampleRate: 44100, envelope: { pixelsPerSecond: 20 } } as const;
    const viaFloat = await meterAudio(tools, file, options);
    const via16 = await meterAudio(tools, file, { ...options, sampleFormat: 's16' });
    expect(via16.integratedLufs).toBeCloseTo(viaFloat.integratedLufs, 6);
    expect(via16.truePeak).toBeCloseTo(viaFloat.truePeak, 6);
    expect(via16.envelope?.peakData()).toEqual(viaFloat.envelope?.peakData());
  });

  it('agrees on a mono tone with clicks', async () => {
    await compare(
      await generateTone(tools.ffmpegPath, path.join(dir, 'clicks.wav'), {
        channels: 1,
        clicks: true,
        levelDbfs: -30,
        seconds: 8,
      }),
    );
  });

  it.skipIf(!hasEspeak)('agrees on speech, and finds the pauses silencedetect finds', async () => {
    const file = (await generateSpeech(tools.ffmpegPath, path.join(dir, 'speech.wav'), {
      gapSeconds: 1.5,
      edgeSeconds: 1,
      volumeDb: -6,
    }))!;
    const ours = await compare(file);
    const lines: string[] = [];
    await runFfmpeg(tools, {
      inputs: [{ path: file }],
      outputs: [
        { target: '-', options: ['-map', '0:a:0', '-af', 'silencedetect=noise=-40dB:d=0.5', '-f', 'null'] },
      ],
      onStderrLine: (line) => lines.push(line),
    });
    const starts = lines.flatMap((l) => /silence_start: ([\d.]+)/.exec(l)?.[1] ?? []).map(Number);
    const found = signalReport(ours).silences;
    expect(found.length).toBe(starts.length);
    for (const [i, start] of starts.entries())
      expect(Math.abs(found[i].start - start)).toBeLessThanOrEqual(0.06);
  });
});
