import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fillEpisodePaths from '../src/db/migrations/0018-fill-episode-paths.js';
import { updateEpisode } from '../src/db/repositories/episodes-repository.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(testDatabases())('a media path serves one episode for good, on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  const media = async (path: string) => {
    const res = await t.app.request(`${t.baseUrl}${path}`);
    return {
      status: res.status,
      sha: res.status === 200 ? sha(new Uint8Array(await res.arrayBuffer())) : null,
    };
  };

  it('refuses a slug that was another episode’s public path, with the reason in Dutch or English', async () => {
    const show = await publishableShow(t, { slug: 'hergebruik' });
    const first = await readyEpisode(t, show.id, { title: 'Eerste', slug: 'reuse-x' }, 48_000);
    expect((await t.call('POST', `/api/v1/episodes/${first.id}/publish`, { json: {} })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/episodes/${first.id}/unpublish`)).status).toBe(200);
    const renamed = await t.call('PATCH', `/api/v1/episodes/${first.id}`, { json: { slug: 'reuse-y' } });
    expect(renamed.status).toBe(200);

    const taken = await t.call('POST', `/api/v1/shows/${show.id}/episodes`, {
      json: { title: 'Tweede', slug: 'reuse-x' },
    });
    expect(taken.status).toBe(409);
    const problem = await taken.json();
    expect(problem.code ?? problem.type).toMatch(/slug_retired/);
    expect(problem.detail).toContain('andere aflevering');
    const english = await t.call('POST', `/api/v1/shows/${show.id}/episodes`, {
      json: { title: 'Tweede', slug: 'reuse-x' },
      headers: { 'accept-language': 'en' },
    });
    expect((await english.json()).detail).toContain('another episode of this show');

    // A slug made from the title steps around it; renaming onto it is refused too.
    const second = await readyEpisode(t, show.id, { title: 'Reuse x' }, 52_000);
    expect(second.slug).toBe('reuse-x-2');
    const onto = await t.call('PATCH', `/api/v1/episodes/${second.id}`, { json: { slug: 'reuse-x' } });
    expect(onto.status).toBe(409);
    // The episode that had it may take it back.
    expect(
      (await t.call('PATCH', `/api/v1/episodes/${first.id}`, { json: { slug: 'reuse-x' } })).status,
    ).toBe(200);
    expect(
      (await t.call('PATCH', `/api/v1/episodes/${first.id}`, { json: { slug: 'reuse-y' } })).status,
    ).toBe(200);

    expect((await t.call('POST', `/api/v1/episodes/${first.id}/publish`, { json: {} })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/episodes/${second.id}/publish`, { json: {} })).status).toBe(200);
    const old = await media('/media/hergebruik/reuse-x.mp3');
    expect(old).toEqual({ status: 200, sha: sha(first.data) });
    expect(await media('/media/hergebruik/reuse-y.mp3')).toEqual(old);
    expect(await media('/media/hergebruik/reuse-x-2.mp3')).toEqual({ status: 200, sha: sha(second.data) });

    await t.worker.drain();
    const feed = await (await t.app.request(`${t.baseUrl}/feeds/hergebruik.xml`)).text();
    const enclosures = [...feed.matchAll(/<enclosure url="([^"]+)"/g)].map((m) => m[1]);
    expect(enclosures).toHaveLength(2);
    expect(new Set(enclosures).size).toBe(2);
    // The rules and the read-back; no probes: http://zender.test is not a host they could reach.
    const check = await (await t.call('GET', `/api/v1/shows/${show.id}/feed-check?probe=false`)).json();
    expect(check.problems.filter((p: { level: string }) => p.level === 'error')).toEqual([]);
  });

  it('feed-check flags two episodes sharing an enclosure URL or a guid, and publishing refuses them', async () => {
    const show = await publishableShow(t, { slug: 'dubbel' });
    const a = await readyEpisode(t, show.id, { title: 'A', slug: 'een' });
    const b = await readyEpisode(t, show.id, { title: 'B', slug: 'twee' });
    const c = await readyEpisode(t, show.id, { title: 'C', slug: 'drie' });
    expect((await t.call('POST', `/api/v1/episodes/${a.id}/publish`, { json: {} })).status).toBe(200);
    // Rows as data from before paths were recorded (or an import) can leave them.
    const aRow = await t.db.kysely
      .selectFrom('episodes')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    await updateEpisode(t.db.kysely, b.id, {
      status: 'published',
      enclosure_path: aRow.enclosure_path,
      published_at: aRow.published_at,
    });
    await updateEpisode(t.db.kysely, c.id, {
      status: 'published',
      guid: aRow.guid,
      published_at: aRow.published_at,
    });
    const check = await (await t.call('GET', `/api/v1/shows/${show.id}/feed-check?probe=false`)).json();
    const codes = (code: string) =>
      check.problems
        .filter((p: { code: string }) => p.code === code)
        .map((p: { episodeId: string }) => p.episodeId)
        .sort();
    expect(check.ok).toBe(false);
    expect(codes('enclosure_duplicate')).toEqual([a.id, b.id].sort());
    expect(codes('guid_duplicate')).toEqual([a.id, c.id].sort());
    const again = await t.call('POST', `/api/v1/episodes/${b.id}/publish`, { json: {} });
    expect(again.status).toBe(422);
  });

  it('records the paths episodes published before paths were recorded held (migration 0018)', async () => {
    const show = await publishableShow(t, { slug: 'van-voor' });
    const a = await readyEpisode(t, show.id, { title: 'A', slug: 'oud' });
    expect((await t.call('POST', `/api/v1/episodes/${a.id}/publish`, { json: {} })).status).toBe(200);
    expect((await t.call('PATCH', `/api/v1/episodes/${a.id}`, { json: { slug: 'nieuw' } })).status).toBe(200);
    await t.db.kysely.deleteFrom('episode_paths').execute();
    await fillEpisodePaths.up(t.db.kysely);
    const paths = await t.db.kysely
      .selectFrom('episode_paths')
      .select(['slug', 'episode_id'])
      .where('show_id', '=', show.id)
      .orderBy('slug')
      .execute();
    expect(paths).toEqual([
      { slug: 'nieuw', episode_id: a.id },
      { slug: 'oud', episode_id: a.id },
    ]);
  });

  itLeavesStorageConsistent(() => t);
});
