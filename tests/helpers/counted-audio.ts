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
const made = new Map<number, Buffer>();

/** A real constant-bitrate MP3 (32 kbit/s mono, with the ID3v2 tag ffmpeg writes), made once per length. */
export function cbrMp3(seconds: number): Buffer {
  const cached = made.get(seconds);
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-cbr-'));
  const file = path.join(dir, 'a.mp3');
  execFileSync(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi'],
    ...['-i', `sine=frequency=220:sample_rate=22050:duration=${seconds}`],
    ...['-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', '-metadata', 'title=Test', file],
  ]);
  const bytes = readFileSync(file);
  rmSync(dir, { recursive: true, force: true });
  made.set(seconds, bytes);
  return bytes;
}

/** A published episode whose enclosure is `cbrMp3(seconds)`, as processing and publishing leave it. */
export async function publishedMp3Episode(t: TestApp, showId: string, title: string, seconds: number) {
  const episode = await (
    await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title } })
  ).json();
  const mp3 = cbrMp3(seconds);
  const key = `episodes/${episode.id}/job/audio.mp3`;
  const put = await t.store.put(key, Readable.from([mp3]), { contentType: 'audio/mpeg' });
  await upsertMediaFile(t.db.kysely, {
    ...{ id: newId(), episode_id: episode.id, show_id: null, role: 'delivery', key },
    ...{ size: put.size, sha256: put.sha256, mime_type: 'audio/mpeg', duration_seconds: seconds },
    created_at: new Date().toISOString(),
  });
  await updateEpisode(t.db.kysely, episode.id, {
    status: 'ready',
    duration_seconds: seconds,
    audio: JSON.stringify({ key, type: 'audio/mpeg', size: put.size, sha256: put.sha256 }),
  });
  const published = await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${await published.text()}`);
  const row = await findEpisodeById(t.db.kysely, episode.id);
  return { id: episode.id as string, path: `/media/${row!.enclosure_path}`, bytes: mp3 };
}
