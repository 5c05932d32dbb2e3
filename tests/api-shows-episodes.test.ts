import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe.each(testDatabases())('shows and episodes API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  it('creates a show from the four required fields, with Dutch and Apple defaults', async () => {
    const res = await t.call('POST', '/api/v1/shows', { json: minimalShow });
    expect(res.status).toBe(201);
    const show = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/shows/${show.id}`);
    expect(show).toMatchObject({
      slug: 'mensenrechten-dichtbij',
      language: 'nl',
      type: 'episodic',
      explicit: false,
      locked: true,
      owner: { name: 'Kennisplatform', email: 'podcast@example.nl' },
      feedUrl: 'http://zender.test/feeds/mensenrechten-dichtbij.xml',
      social: {
        channels: ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'threads', 'instagram'],
        hashtags: [],
      },
    });
    expect(show.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('answers 409 with a Dutch sentence on a duplicate slug, English when asked', async () => {
    const nl = await t.call('POST', '/api/v1/shows', { json: minimalShow });
    expect(nl.status).toBe(409);
    expect(nl.headers.get('content-type')).toContain('application/problem+json');
    expect((await nl.json()).detail).toContain('is al in gebruik');
    const en = await t.call('POST', '/api/v1/shows', {
      json: minimalShow,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect((await en.json()).detail).toContain('already in use');
  });

  it('gives field-level errors for invalid input', async () => {
    const res = await t.call('POST', '/api/v1/shows', {
      json: {
        ...minimalShow,
        slug: '../etc',
        owner: { email: 'nope' },
        categories: ['Podcasts'],
        title: 'a\u0007b',
      },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['categories.0', 'owner.email', 'slug', 'title']);
    expect(body.detail).toMatch(/velden/);
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const res = await t.call('POST', '/api/v1/shows', {
      body: '{"title":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lists with a cursor, reads, updates and deletes', async () => {
    for (const n of [1, 2, 3])
      await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, title: `Show ${n}` } });
    const first = await (await t.call('GET', '/api/v1/shows?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await (await t.call('GET', `/api/v1/shows?limit=2&cursor=${first.nextCursor}`)).json();
    const all = [...first.items, ...second.items].map((s: { id: string }) => s.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(4);

    const id = first.items[0].id;
    const patched = await t.call('PATCH', `/api/v1/shows/${id}`, {
      json: { categories: ['Government', 'Society & Culture/Documentary'], type: 'serial' },
    });
    expect(patched.status).toBe(200);
    const patchedShow = await patched.json();
    expect(patchedShow.categories).toEqual(['Government', 'Society & Culture/Documentary']);
    expect(patchedShow.type).toBe('serial');
    expect(patchedShow.guid).toBe(first.items[0].guid);

    expect((await t.call('DELETE', `/api/v1/shows/${id}`)).status).toBe(204);
    const gone = await t.call('GET', `/api/v1/shows/${id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).detail).toContain('bestaat niet');
  });

  it('creates an episode from a title alone and walks its CRUD', async () => {
    const show = await (
      await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, slug: 'afleveringen' } })
    ).json();
    const created = await t.call('POST', `/api/v1/shows/${show.id}/episodes`, {
      json: { title: 'Één gesprek over armoede' },
    });
    expect(created.status).toBe(201);
    const episode = await created.json();
    expect(episode).toMatchObject({
      showId: show.id,
      slug: 'een-gesprek-over-armoede',
      status: 'draft',
      type: 'full',
      audio: null,
      transcript: { status: 'none', languages: [] },
    });
    const twin = await (
      await t.call('POST', `/api/v1/shows/${show.id}/episodes`, {
        json: { title: 'Één gesprek over armoede' },
      })
    ).json();
    expect(twin.slug).toBe('een-gesprek-over-armoede-2');
    expect(twin.guid).not.toBe(episode.guid);

    const updated = await (
      await t.call('PATCH', `/api/v1/episodes/${episode.id}`, {
        json: { season: 1, number: 3, type: 'bonus', summary: 'Kort' },
      })
    ).json();
    expect(updated).toMatchObject({
      season: 1,
      number: 3,
      type: 'bonus',
      summary: 'Kort',
      guid: episode.guid,
    });

    const list = await (await t.call('GET', `/api/v1/shows/${show.id}/episodes`)).json();
    expect(list.items.map((e: { id: string }) => e.id).sort()).toEqual([episode.id, twin.id].sort());

    expect((await t.call('DELETE', `/api/v1/episodes/${episode.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/episodes/${episode.id}`)).status).toBe(404);
    expect((await t.call('POST', '/api/v1/shows/nope/episodes', { json: { title: 'x' } })).status).toBe(404);
  });

  itLeavesStorageConsistent(() => t);
});
