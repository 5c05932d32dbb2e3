import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureDir,
  generateHostileCorpus,
  generateTone,
  generateVideo,
  type HostileName,
} from '../../tests/fixtures/generate-audio.js';
import { AudioRejectedError } from './audio-rejected-error.js';
import { probeAudio } from './probe-audio.js';
import { readTags } from './read-tags.js';
import { resolveMediaTools } from './resolve-media-tools.js';
import { validateRecording } from './validate-recording.js';

const tools = resolveMediaTools();
const sixHours = 6 * 3600;
let dir: string;
let cleanup: () => Promise<void>;
let hostile: Record<HostileName, string>;

beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
  hostile = await generateHostileCorpus(tools.ffmpegPath, dir);
});
afterAll(() => cleanup());

describe('validateRecording: the hostile corpus', () => {
  it.each([
    ['empty', 'undecodable', /empty/],
    ['text', 'undecodable', /not audio/],
    ['pngAsWav', 'undecodable', /png data/],
    ['playlistAsMp3', 'undecodable', /hls data/],
    ['videoOnly', 'no_audio_stream', /video but no sound/],
    ['headerOnlyWav', 'zero_duration', /no length/],
  ] as const)('refuses %s with %s', async (name, reason, message) => {
    const error = await validateRecording(tools, hostile[name], { maxDurationSeconds: sixHours }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AudioRejectedError);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it('keeps a truncated mp3 with its real length, and says so', async () => {
    const result = await validateRecording(tools, hostile.truncatedMp3, { maxDurationSeconds: sixHours });
    expect(result.truncated).toBe(true);
    expect(result.claimedDurationSeconds).toBeCloseTo(10, 0);
    expect(result.durationSeconds).toBeGreaterThan(4.5);
    expect(result.durationSeconds).toBeLessThan(5.5);
  });

  it('gives a WAV whose header claims 2 GB its real length', async () => {
    const result = await validateRecording(tools, hostile.lyingWav, { maxDurationSeconds: sixHours });
    expect(result.durationSeconds).toBeCloseTo(3, 1);
  });

  it('does not believe a file claiming 24 hours: neither too_long nor a 24-hour episode', async () => {
    const result = await validateRecording(tools, hostile.claims24h, { maxDurationSeconds: sixHours });
    expect(result.claimedDurationSeconds).toBe(86400);
    expect(result.truncated).toBe(true);
    expect(result.durationSeconds).toBeCloseTo(10, 0);
  });

  it("refuses truncated files as 'truncated' when asked to", async () => {
    for (const file of [hostile.truncatedMp3, hostile.claims24h]) {
      await expect(
        validateRecording(tools, file, { maxDurationSeconds: sixHours, truncated: 'reject' }),
      ).rejects.toMatchObject({ reason: 'truncated', message: expect.stringMatching(/claims/) });
    }
  });

  it('reads tags of every hostile file without throwing', async () => {
    for (const file of Object.values(hostile)) {
      const tags = await readTags(file);
      expect(tags.chapters).toEqual([]);
    }
  });
});

describe('validateRecording: good files', () => {
  it('accepts a whole recording at its claimed length', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'long.mp3'), { seconds: 36 });
    const result = await validateRecording(tools, file, { maxDurationSeconds: sixHours });
    expect(result).toMatchObject({ truncated: false, formatName: 'mp3' });
    expect(result.durationSeconds).toBeCloseTo(36, 0);
    expect(result.durationSeconds).toBe(result.claimedDurationSeconds);
  });

  it('accepts a video call and reports its sound track', async () => {
    const file = await generateVideo(tools.ffmpegPath, path.join(dir, 'call.mp4'));
    const result = await validateRecording(tools, file, { maxDurationSeconds: sixHours });
    expect(result).toMatchObject({ hasVideo: true, truncated: false, audio: { codec: 'aac' } });
  });

  it('refuses a recording longer than the maximum as too_long', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'seven.flac'), { seconds: 7 });
    await expect(validateRecording(tools, file, { maxDurationSeconds: 5 })).rejects.toMatchObject({
      reason: 'too_long',
    });
  });

  it('refuses a recording shorter than the minimum as zero_duration', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'blip.wav'), { seconds: 0.3 });
    await expect(validateRecording(tools, file, { maxDurationSeconds: sixHours })).rejects.toMatchObject({
      reason: 'zero_duration',
    });
  });
});

describe('validateRecording after a whole decode by the caller', () => {
  it('judges by the seconds that decoded, without decoding again', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'judged.wav'), { seconds: 20 });
    const probe = await probeAudio(tools, file);
    // A broken ffmpeg proves nothing is decoded here.
    const broken = { ...tools, ffmpegPath: path.join(dir, 'no-ffmpeg') };
    const whole = await validateRecording(broken, file, {
      maxDurationSeconds: sixHours,
      probe,
      decodedSeconds: 20,
    });
    expect(whole).toMatchObject({ truncated: false, durationSeconds: probe.durationSeconds });
    const cut = await validateRecording(broken, file, {
      maxDurationSeconds: sixHours,
      probe,
      decodedSeconds: 8,
    });
    expect(cut).toMatchObject({
      truncated: true,
      durationSeconds: 8,
      claimedDurationSeconds: probe.durationSeconds,
    });
    await expect(
      validateRecording(broken, file, { maxDurationSeconds: 10, probe, decodedSeconds: 20 }),
    ).rejects.toMatchObject({ reason: 'too_long' });
  });

  it('decodes for itself when the caller got nothing out', async () => {
    const hostileProbe = { ...(await probeAudio(tools, hostile.truncatedMp3)) };
    const result = await validateRecording(tools, hostile.truncatedMp3, {
      maxDurationSeconds: sixHours,
      probe: hostileProbe,
      decodedSeconds: 0,
    });
    expect(result.truncated).toBe(true);
  });
});

describe('validateRecording without a working ffmpeg', () => {
  it('throws the tool error, never blames the file', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'fine.wav'), { seconds: 1 });
    const broken = { ...tools, ffmpegPath: path.join(dir, 'no-ffmpeg') };
    const error = await validateRecording(broken, file, { maxDurationSeconds: sixHours }).catch((e) => e);
    expect(error).not.toBeInstanceOf(AudioRejectedError);
    expect(error.details.spawnError).toBe('ENOENT');
  });
});
