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

function expectOnTarget(loudness: { integratedLufs: number; truePeakDbtp: number }) {
  expect(Math.abs(loudness.integratedLufs - target)).toBeLessThanOrEqual(1);
  // -1 dBTP is the ceiling; the meter reads to 0.1 dB.
  expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-0.9);
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
      // The report describes the encoder's input; LAME takes ~0.3 LU off and adds up to 0.7 dB of peak.
      expect(Math.abs(reported.loudness.integratedLufs - mp3.integratedLufs)).toBeLessThan(0.6);
      expect(Math.abs(reported.loudness.truePeakDbtp - mp3.truePeakDbtp)).toBeLessThan(0.8);
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

  it.each([
    ['one gain', {}],
    ['a limiter (two processes)', { clicks: true, levelDbfs: -30 }],
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
