import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe.each(testDatabases())('API tokens limited to some shows ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('reach their own shows and episodes only', async () => {
    const own = await (
      await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, slug: 'eigen' } })
    ).json();
    const other = await (
      await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, slug: 'andere' } })
    ).json();
    const otherEpisode = await (
      await t.call('POST', `/api/v1/shows/${other.id}/episodes`, { json: { title: 'Niet van jou' } })
    ).json();
    const created = await (
      await t.call('POST', '/api/v1/tokens', {
        json: { name: 'Gemeente', role: 'editor', showIds: [own.id] },
      })
    ).json();
    expect(created.showIds).toEqual([own.id]);
    const token = created.token as string;

    const list = await (await t.call('GET', '/api/v1/shows', { token })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([own.id]);
    expect((await t.call('GET', `/api/v1/shows/${own.id}`, { token })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/shows/${other.id}`, { token })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/episodes/${otherEpisode.id}`, { token })).status).toBe(404);
    expect(
      (await t.call('PATCH', `/api/v1/episodes/${otherEpisode.id}`, { token, json: { title: 'x' } })).status,
    ).toBe(404);
    expect(
      (await t.call('POST', `/api/v1/shows/${other.id}/episodes`, { token, json: { title: 'x' } })).status,
    ).toBe(404);
    expect((await t.call('POST', '/api/v1/shows', { token, json: minimalShow })).status).toBe(403);
    const mine = await t.call('POST', `/api/v1/shows/${own.id}/episodes`, {
      token,
      json: { title: 'Wel van mij' },
    });
    expect(mine.status).toBe(201);
    const upload = await t.call('POST', '/api/v1/uploads', {
      token,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `episodeId ${Buffer.from(otherEpisode.id).toString('base64')}`,
      },
    });
    expect(upload.status).toBe(404);
    expect((await (await t.call('GET', `/api/v1/episodes/${otherEpisode.id}`)).json()).title).toBe(
      'Niet van jou',
    );
  });
});
