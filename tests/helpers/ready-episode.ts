import { Readable } from 'node:stream';
import sharp from 'sharp';
import { newId } from '../../src/common/ids.js';
import { updateEpisode } from '../../src/db/repositories/episodes-repository.js';
import { upsertMediaFile } from '../../src/db/repositories/media-files-repository.js';
import type { TestApp } from './test-app.js';

/**
 * An episode in the state processing leaves it (`ready`, with a delivery file and its record),
 * for tests of what comes after processing: publishing, feeds, media serving. Processing itself
 * is tested with real ffmpeg in its own suite.
 */
export async function readyEpisode(
  t: TestApp,
  showId: string,
  input: Record<string, unknown> = {},
  bytes = 48_000,
) {
  const episode = await (
    await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title: 'Aflevering', ...input } })
  ).json();
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 7) % 256;
  const key = `episodes/${episode.id}/job/audio.mp3`;
  const put = await t.store.put(key, Readable.from([data]), { contentType: 'audio/mpeg' });
  await upsertMediaFile(t.db.kysely, {
    id: newId(),
    episode_id: episode.id,
    show_id: null,
    role: 'delivery',
    key,
    size: put.size,
    sha256: put.sha256,
    mime_type: 'audio/mpeg',
    duration_seconds: 120,
    created_at: new Date().toISOString(),
  });
  await updateEpisode(t.db.kysely, episode.id, {
    status: 'ready',
    duration_seconds: 120,
    audio: JSON.stringify({ key, type: 'audio/mpeg', size: put.size, sha256: put.sha256 }),
  });
  return { ...episode, data };
}

/** A show that passes Apple's rules: category, artwork, owner. */
export async function publishableShow(t: TestApp, overrides: Record<string, unknown> = {}) {
  const show = await (
    await t.call('POST', '/api/v1/shows', {
      json: {
        title: 'Mensenrechten dichtbij',
        description: '<p>Gesprekken met <strong>gemeenten</strong>.</p>',
        author: 'Kennisplatform',
        owner: { name: 'Redactie', email: 'podcast@example.nl' },
        categories: ['Government', 'Society & Culture/Documentary'],
        link: 'https://example.nl/podcast',
        copyright: '© 2026 Kennisplatform',
        ...overrides,
      },
    })
  ).json();
  const png = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#225588' } })
    .png()
    .toBuffer();
  const res = await t.call('PUT', `/api/v1/shows/${show.id}/artwork`, {
    body: new Uint8Array(png),
    headers: { 'content-type': 'image/png' },
  });
  if (res.status !== 200) throw new Error(`artwork: ${res.status} ${await res.text()}`);
  return show;
}
