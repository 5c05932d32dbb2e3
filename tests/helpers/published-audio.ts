import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { newId } from '../../src/common/ids.js';
import { findEpisodeById, updateEpisode } from '../../src/db/repositories/episodes-repository.js';
import { upsertMediaFile } from '../../src/db/repositories/media-files-repository.js';
import type { TestApp } from './test-app.js';

const ffmpeg = process.env.FFMPEG_PATH || 'ffmpeg';
const generated = new Map<number, { mp3: Buffer; peaks: string }>();

/**
 * A real MP3 (a 440 Hz tone whose loudness swells, so the waveform has a shape) and its peaks in
 * BBC audiowaveform v2 JSON at 20 pixels a second, made once per length per test process.
 */
export function toneWithPeaks(seconds: number): { mp3: Buffer; peaks: string } {
  const cached = generated.get(seconds);
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-tone-'));
  const file = path.join(dir, 'tone.mp3');
  execFileSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-af',
    "volume='0.15+0.85*abs(sin(t/2))':eval=frame",
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    file,
  ]);
  const sampleRate = 8000;
  const pcm = execFileSync(
    ffmpeg,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      file,
      '-ac',
      '1',
      '-ar',
      String(sampleRate),
      '-f',
      's16le',
      '-',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const samplesPerPixel = sampleRate / 20;
  const data: number[] = [];
  for (let offset = 0; offset + 2 <= pcm.length; offset += samplesPerPixel * 2) {
    let min = 0;
    let max = 0;
    for (let i = offset; i + 2 <= Math.min(pcm.length, offset + samplesPerPixel * 2); i += 2) {
      const v = pcm.readInt16LE(i) >> 8;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    data.push(min, max);
  }
  const peaks = JSON.stringify({
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 8,
    length: data.length / 2,
    data,
  });
  const result = { mp3: readFileSync(file), peaks };
  rmSync(dir, { recursive: true, force: true });
  generated.set(seconds, result);
  return result;
}

async function putFile(
  t: TestApp,
  episodeId: string,
  key: string,
  bytes: Buffer,
  type: string,
  role: string,
) {
  const put = await t.store.put(key, Readable.from([bytes]), { contentType: type });
  await upsertMediaFile(t.db.kysely, {
    id: newId(),
    episode_id: episodeId,
    show_id: null,
    role,
    key,
    size: put.size,
    sha256: put.sha256,
    mime_type: type,
    duration_seconds: null,
    created_at: new Date().toISOString(),
  });
  return put;
}

export interface PublishedAudioOptions {
  seconds?: number;
  /** Plain chapter lines (`0:00 Intro`), PUT as text/plain. */
  chapters?: string;
  /** A WebVTT transcript, PUT in the show's language. */
  transcriptVtt?: string;
  language?: string;
  publish?: boolean;
}

/**
 * A published episode with real audio and peaks, as processing would leave it, plus chapters and
 * a transcript through the API: what the player, oEmbed and public pages need in browser tests.
 */
export async function publishedAudioEpisode(
  t: TestApp,
  showId: string,
  input: Record<string, unknown> = {},
  options: PublishedAudioOptions = {},
) {
  const seconds = options.seconds ?? 20;
  const res = await t.call('POST', `/api/v1/shows/${showId}/episodes`, {
    json: { title: 'Aflevering', ...input },
  });
  if (res.status !== 201) throw new Error(`episode: ${res.status} ${await res.text()}`);
  const episode = await res.json();
  const { mp3, peaks } = toneWithPeaks(seconds);
  const audioKey = `episodes/${episode.id}/job/audio.mp3`;
  const peaksKey = `episodes/${episode.id}/job/peaks.json`;
  const audio = await putFile(t, episode.id, audioKey, mp3, 'audio/mpeg', 'delivery');
  await putFile(t, episode.id, peaksKey, Buffer.from(peaks), 'application/json', 'peaks');
  const row = await findEpisodeById(t.db.kysely, episode.id);
  await updateEpisode(t.db.kysely, episode.id, {
    status: 'ready',
    duration_seconds: seconds,
    audio: JSON.stringify({ key: audioKey, type: 'audio/mpeg', size: audio.size, sha256: audio.sha256 }),
    extra: JSON.stringify({ ...row!.extra, peaksKey }),
  });
  if (options.chapters) {
    const put = await t.call('PUT', `/api/v1/episodes/${episode.id}/chapters`, {
      body: options.chapters,
      headers: { 'content-type': 'text/plain' },
    });
    if (put.status !== 200) throw new Error(`chapters: ${put.status} ${await put.text()}`);
  }
  if (options.transcriptVtt) {
    const put = await t.call(
      'PUT',
      `/api/v1/episodes/${episode.id}/transcript?language=${options.language ?? 'nl'}`,
      {
        body: options.transcriptVtt,
        headers: { 'content-type': 'text/vtt' },
      },
    );
    if (put.status !== 200) throw new Error(`transcript: ${put.status} ${await put.text()}`);
  }
  if (options.publish !== false) {
    const pub = await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${await pub.text()}`);
  }
  return (await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json()) as {
    id: string;
    slug: string;
    title: string;
    duration: number;
  };
}

/** A transcript of `seconds` seconds with one cue every two seconds ("Zin 1", "Zin 2", …). */
export function cueEveryTwoSeconds(seconds: number, speaker = 'Jan'): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = (s: number) => `00:${two(Math.floor(s / 60))}:${two(s % 60)}.000`;
  const cues: string[] = [];
  for (let s = 0; s + 2 <= seconds; s += 2)
    cues.push(`${stamp(s)} --> ${stamp(s + 2)}\n<v ${speaker}>Zin ${s / 2 + 1}`);
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}
