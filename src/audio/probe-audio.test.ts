import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureDir,
  generateMp3WithPrivFrame,
  generateTone,
  generateVideo,
} from '../../tests/fixtures/generate-audio.js';
import { AudioRejectedError } from './audio-rejected-error.js';
import { firstPass } from './first-pass.js';
import { probeAudio } from './probe-audio.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('probeAudio', () => {
  it.each([
    ['tone.wav', 'wav', 'pcm_s16le', 44100, 2],
    ['tone.mp3', 'mp3', 'mp3', 44100, 2],
    ['tone.m4a', 'mov,mp4,m4a,3gp,3g2,mj2', 'aac', 48000, 2],
    ['tone.flac', 'flac', 'flac', 44100, 1],
    ['tone.ogg', 'ogg', 'vorbis', 44100, 2],
    ['tone.opus', 'ogg', 'opus', 48000, 1],
    ['tone.aiff', 'aiff', 'pcm_s16be', 22050, 1],
  ] as const)('reads %s', async (name, formatName, codec, sampleRate, channels) => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, name), {
      seconds: 3,
      sampleRate,
      channels,
    });
    const probe = await probeAudio(tools, file);
    expect(probe).toMatchObject({ formatName, hasVideo: false, audio: { codec, sampleRate, channels } });
    expect(probe.durationSeconds).toBeCloseTo(3, 1);
    expect(probe.sizeBytes).toBeGreaterThan(0);
  });

  it('reads a valid mp3 whose ID3 tag carries a 15 MB PRIV frame', async () => {
    const file = await generateMp3WithPrivFrame(tools.ffmpegPath, dir);
    const probe = await probeAudio(tools, file);
    expect(probe).toMatchObject({
      formatName: 'mp3',
      audio: { codec: 'mp3', sampleRate: 44100, channels: 2 },
    });
    expect(probe.durationSeconds).toBeCloseTo(4, 0);
    // And the whole first pass the processing job runs: decodes, validates, reads tags.
    const first = await firstPass(tools, file, { maxDurationSeconds: 3600 });
    expect(first.recording.durationSeconds).toBeCloseTo(4, 0);
    expect(first.recording.truncated).toBe(false);
  }, 60_000);

  it('reads the sound track of a video and says it has video', async () => {
    const file = await generateVideo(tools.ffmpegPath, path.join(dir, 'call.mp4'), { seconds: 3 });
    const probe = await probeAudio(tools, file);
    expect(probe).toMatchObject({ hasVideo: true, audio: { codec: 'aac', channels: 1 } });
    expect(probe.bitRate).toBeGreaterThan(0);
  });

  it('refuses a video without sound with no_audio_stream', async () => {
    const file = await generateVideo(tools.ffmpegPath, path.join(dir, 'silent.mp4'), { audio: false });
    await expect(probeAudio(tools, file)).rejects.toMatchObject({ reason: 'no_audio_stream' });
  });

  it('throws AudioRejectedError, not a system error, for a file that is not audio', async () => {
    const { writeFile } = await import('node:fs/promises');
    const file = path.join(dir, 'notes.mp3');
    await writeFile(file, 'gewoon tekst\n'.repeat(100));
    const error = await probeAudio(tools, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioRejectedError);
    expect(error).toMatchObject({ reason: 'undecodable' });
  });

  it('lets a missing file through as the system error it is', async () => {
    await expect(probeAudio(tools, path.join(dir, 'nope.wav'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('probeAudio without a working ffprobe', () => {
  it('throws the tool error, never blames the file', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'fine.wav'), { seconds: 1 });
    const error = await probeAudio({ ...tools, ffprobePath: path.join(dir, 'no-ffprobe') }, file).catch(
      (e) => e,
    );
    expect(error).not.toBeInstanceOf(AudioRejectedError);
    expect(error.details.spawnError).toBe('ENOENT');
  });
});
