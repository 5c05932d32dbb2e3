import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureDir,
  generateSpeech,
  generateTone,
  generateVideo,
  hasEspeak,
  run,
} from '../../tests/fixtures/generate-audio.js';
import { measureLoudness } from '../../tests/oracle/measure-loudness.js';
import { encodeDelivery } from './encode-delivery.js';
import { meterAudio } from './meter/meter-audio.js';
import { probeAudio } from './probe-audio.js';
import { readTags } from './read-tags.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
const target = -16;
let dir: string;
let cleanup: () => Promise<void>;
let cover: string;

beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
  cover = path.join(dir, 'cover.jpg');
  await run(tools.ffmpegPath, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=s=300x300:d=1',
    '-frames:v',
    '1',
    cover,
  ]);
});
afterAll(() => cleanup());

/** The first pass, as the processing job runs it: at the delivery's layout, with the outline. */
async function firstPass(input: string, mono = false) {
  const probe = await probeAudio(tools, input);
  return meterAudio(tools, input, {
    channels: mono ? 1 : 2,
    sampleRate: probe.audio.sampleRate,
    envelope: { pixelsPerSecond: 10 },
  });
}

/** Encodes with the measured first pass and measures what came out with ffmpeg's own meter. */
async function deliver(input: string, options: { mono?: boolean } = {}) {
  const metered = await firstPass(input, options.mono);
  const measured = await measureLoudness(tools, input);
  const output = `${input}.delivery.mp3`;
  const progress: number[] = [];
  const result = await encodeDelivery(tools, input, output, {
    targetLufs: target,
    input: metered,
    mono: options.mono ?? false,
    tags: {
      title: 'Twee woorden',
      artist: 'Kennisplatform',
      album: 'Mensenrechten dichtbij',
      comment: 'a = b; #c',
    },
    onProgress: (p) => progress.push(p),
  });
  const outputLoudness = await measureLoudness(tools, output);
  const probe = await probeAudio(tools, output);
  return { measured, result, output, outputLoudness, probe, progress };
}

/** The promise, as ffmpeg's ebur128 measures the delivered MP3. */
function expectOnTarget(loudness: { integratedLufs: number; truePeakDbtp: number }) {
  expect(Math.abs(loudness.integratedLufs - target)).toBeLessThanOrEqual(0.5);
  expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
}

describe('encodeDelivery', () => {
  it('brings a quiet (-30 LUFS) recording up to -16 LUFS with one gain', async () => {
    const input = await generateTone(tools.ffmpegPath, path.join(dir, 'quiet.wav'), { levelDbfs: -30 });
    const { measured, result, outputLoudness, probe, progress } = await deliver(input);
    expect(measured.integratedLufs).toBeCloseTo(-30, 0);
    expect(result.mode).toBe('linear');
    expectOnTarget(outputLoudness);
    expect(probe).toMatchObject({
      formatName: 'mp3',
      audio: { codec: 'mp3', sampleRate: 44100, channels: 2 },
    });
    expect(probe.audio.bitRate).toBe(128000);
    expect(progress.at(-1)).toBe(100);
  });

  it('brings a loud (-2 LUFS) m4a down to -16 LUFS', async () => {
    const input = await generateTone(tools.ffmpegPath, path.join(dir, 'loud.m4a'), {
      levelDbfs: -2,
      sampleRate: 48000,
    });
    const { result, outputLoudness, probe } = await deliver(input);
    expect(result.mode).toBe('linear');
    expectOnTarget(outputLoudness);
    expect(probe.audio.sampleRate).toBe(44100);
  });

  it('limits peaks a gain alone would push over the ceiling and still lands on the target', async () => {
    const input = await generateTone(tools.ffmpegPath, path.join(dir, 'clicks.flac'), {
      levelDbfs: -30,
      clicks: true,
      seconds: 8,
    });
    const { measured, result, outputLoudness } = await deliver(input);
    expect(measured.truePeakDbtp).toBeGreaterThan(-1);
    expect(result.mode).toBe('limited');
    expectOnTarget(outputLoudness);
  });

  it.skipIf(!hasEspeak)('normalises mono speech into a 64k mono MP3', async () => {
    const input = (await generateSpeech(tools.ffmpegPath, path.join(dir, 'speech.wav'), { volumeDb: -12 }))!;
    const { outputLoudness, probe } = await deliver(input, { mono: true });
    expectOnTarget(outputLoudness);
    expect(probe.audio).toMatchObject({ channels: 1, sampleRate: 44100, bitRate: 64000 });
  });

  it('spreads mono over stereo when asked, measured at the layout the encoder hears', async () => {
    const input = await generateTone(tools.ffmpegPath, path.join(dir, 'mono.wav'), {
      levelDbfs: -20,
      channels: 1,
    });
    const { measured, outputLoudness, probe } = await deliver(input, { mono: false });
    expect(measured.integratedLufs).toBeCloseTo(-23, 0);
    // ffmpeg spreads mono at -3 dB a channel: the same loudness, now measured over two channels.
    expect((await firstPass(input, false)).integratedLufs).toBeCloseTo(-23, 0);
    expect(probe.audio.channels).toBe(2);
    expectOnTarget(outputLoudness);
  });

  it.each([
    ['a video', 'linear', () => generateVideo(tools.ffmpegPath, path.join(dir, 'call.mp4'), { seconds: 6 })],
    [
      'a recording with clicks',
      'limited',
      () =>
        generateTone(tools.ffmpegPath, path.join(dir, 'clicks-tagged.wav'), {
          clicks: true,
          levelDbfs: -30,
          seconds: 6,
          channels: 1,
        }),
    ],
  ] as const)(
    'keeps only the sound of %s (%s), with our tags, cover and chapters',
    async (_name, mode, make) => {
      const input = await make();
      const output = `${input}.mp3`;
      const result = await encodeDelivery(tools, input, output, {
        targetLufs: target,
        input: await firstPass(input, true),
        mono: true,
        tags: {
          title: 'Twee woorden',
          artist: 'Kennisplatform',
          album: 'Mensenrechten dichtbij',
          year: 2025,
        },
        coverJpeg: cover,
        chapters: [
          { startSeconds: 3, title: 'Het gesprek; deel = 1' },
          { startSeconds: 0, title: 'Intro' },
        ],
      });
      expect(result.mode).toBe(mode);
      const probe = await probeAudio(tools, output);
      expect(probe.hasVideo).toBe(false);
      expect(probe.durationSeconds).toBeCloseTo(6, 0);
      const tags = await readTags(output);
      expect(tags).toMatchObject({
        title: 'Twee woorden',
        artist: 'Kennisplatform',
        album: 'Mensenrechten dichtbij',
        year: 2025,
        chapters: [
          { startSeconds: 0, title: 'Intro' },
          { startSeconds: 3, title: 'Het gesprek; deel = 1' },
        ],
      });
      expect(tags.picture?.format).toBe('image/jpeg');
      expect(existsSync(`${output}.chapters.txt`)).toBe(false);
    },
  );

  it.each([
    ['a linear gain', { levelDbfs: -25 }, 'linear'],
    ['a limiter', { levelDbfs: -30, clicks: true }, 'limited'],
  ] as const)(
    'reports the delivered signal behind %s as the finished MP3 measures it',
    async (_name, level, mode) => {
      const input = await generateTone(tools.ffmpegPath, path.join(dir, `padded-${mode}.wav`), {
        ...level,
        seconds: 6,
        leadSilence: 1,
        tailSilence: 1.5,
        sampleRate: 48000,
      });
      const output = path.join(dir, `padded-${mode}.mp3`);
      const result = await encodeDelivery(tools, input, output, {
        targetLufs: target,
        input: await firstPass(input),
        mono: false,
        tags: {},
      });
      expect(result.mode).toBe(mode);
      const mp3 = await measureLoudness(tools, output);
      const reported = result.delivered;
      // The report describes the MP3 itself, as ffmpeg's own meter reads it.
      expect(Math.abs(reported.loudness.integratedLufs - mp3.integratedLufs)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(reported.loudness.truePeakDbtp - mp3.truePeakDbtp)).toBeLessThanOrEqual(0.2);
      // To the waveform's pixel (0.1 s here).
      expect(Math.abs(reported.leadingSilenceSeconds - 1)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(reported.trailingSilenceSeconds - 1.5)).toBeLessThanOrEqual(0.15);
      const peaks = reported.peaks;
      expect(peaks).toMatchObject({ version: 2, channels: 1, bits: 8 });
      expect(peaks.length * (peaks.samples_per_pixel / peaks.sample_rate)).toBeCloseTo(8.5, 0);
      // The waveform's loudest point is the signal's sample peak (8 bits: 128 is full scale); the
      // silent edges stay flat.
      const loudest = Math.max(...peaks.data.map(Math.abs));
      expect(loudest / 128).toBeCloseTo(10 ** (reported.samplePeakDbfs / 20), 1);
      expect(Math.max(...peaks.data.slice(0, 16).map(Math.abs))).toBeLessThanOrEqual(1);
    },
  );

  /** ffmpeg over a generated source: lavfi filters after it, into a WAV at `rate`. */
  async function shaped(name: string, source: string[], filters: string, rate = 44100) {
    const file = path.join(dir, name);
    await run(tools.ffmpegPath, [
      ...['-hide_banner', '-v', 'error', '-y', ...source],
      ...['-filter_complex', filters, '-ar', String(rate), '-c:a', 'pcm_s16le', file],
    ]);
    return file;
  }
  const inputs: [string, boolean, () => Promise<string | null>][] = [
    [
      'loud music-like noise (-6 LUFS, peaks at full scale)',
      false,
      () =>
        shaped(
          'loud.wav',
          ['-f', 'lavfi', '-i', 'anoisesrc=d=10:c=pink:a=0.9:r=44100'],
          '[0:a]aformat=channel_layouts=stereo,volume=4dB,alimiter=limit=0.99:level=false',
        ),
    ],
    [
      'a clipped recording (flat tops at full scale)',
      false,
      () =>
        shaped(
          'clipped.wav',
          ['-f', 'lavfi', '-i', "aevalsrc='0.7*sin(2*PI*220*t)+0.5*sin(2*PI*3150*t)':s=48000:d=10:c=stereo"],
          '[0:a]volume=9dB,aformat=sample_fmts=s16',
          48000,
        ),
    ],
    [
      'speech',
      true,
      async () => generateSpeech(tools.ffmpegPath, path.join(dir, 'promise-speech.wav'), { volumeDb: -6 }),
    ],
    [
      'speech over music',
      false,
      async () => {
        const speech = await generateSpeech(tools.ffmpegPath, path.join(dir, 'bed-speech.wav'), {
          volumeDb: 3,
        });
        if (!speech) return null;
        return shaped(
          'speech-music.wav',
          [
            '-i',
            speech,
            '-f',
            'lavfi',
            '-i',
            "aevalsrc='0.25*sin(2*PI*196*t)*sin(2*PI*0.5*t)+0.2*sin(2*PI*392*t)':s=44100:d=12:c=stereo",
          ],
          '[0:a]aresample=44100,aformat=channel_layouts=stereo[s];[s][1:a]amix=inputs=2:duration=first:normalize=0',
        );
      },
    ],
    [
      'a telephone recording at 8 kHz',
      true,
      async () => {
        const speech = await generateSpeech(tools.ffmpegPath, path.join(dir, 'phone-speech.wav'), {
          volumeDb: -3,
        });
        if (!speech) return null;
        return shaped('phone.wav', ['-i', speech], '[0:a]highpass=f=300,lowpass=f=3400,aresample=8000', 8000);
      },
    ],
  ];

  it.each(inputs)(
    'delivers %s within 0.5 LU of the target under -1 dBTP, and reports what it delivered',
    async (_name, mono, make) => {
      const input = await make();
      if (!input) return; // no espeak-ng
      const { result, outputLoudness } = await deliver(input, { mono });
      expectOnTarget(outputLoudness);
      const reported = result.delivered.loudness;
      expect(Math.abs(reported.integratedLufs - outputLoudness.integratedLufs)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(reported.truePeakDbtp - outputLoudness.truePeakDbtp)).toBeLessThanOrEqual(0.2);
    },
  );

  it.each([
    ['one gain', {}],
    ['a limiter', { clicks: true, levelDbfs: -30 }],
  ])('leaves no partial file behind when encoding with %s fails', async (name, level) => {
    const input = await generateTone(tools.ffmpegPath, path.join(dir, `short-${name}.wav`), {
      seconds: 2,
      ...level,
    });
    const output = path.join(dir, `failed-${name}.mp3`);
    await expect(
      encodeDelivery(tools, input, output, {
        targetLufs: target,
        input: await firstPass(input),
        mono: false,
        tags: {},
        coverJpeg: path.join(dir, 'no-cover.jpg'),
      }),
    ).rejects.toThrow();
    expect(existsSync(output)).toBe(false);
  });
});
