import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { tusMetadata } from './helpers/tus-client.js';

/* Resumable uploads refuse with the same status and problem+json as the rest of the API. */
describe.each(testDatabases())('resumable upload refusals on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await openTestApp(database, { maxUploadBytes: 1024 * 1024 });
    token = await t.tokenFor('editor');
  });
  afterAll(async () => t.close());

  const tusHeaders = (extra: Record<string, string> = {}) => ({
    'tus-resumable': '1.0.0',
    authorization: `Bearer ${token}`,
    ...extra,
  });
  const create = (size: number, metadata: Record<string, string>, language = 'nl') =>
    t.app.request(`${t.baseUrl}/api/v1/uploads`, {
      method: 'POST',
      headers: tusHeaders({
        'upload-length': String(size),
        'upload-metadata': tusMetadata(metadata),
        'accept-language': language,
      }),
    });
  let shows = 0;
  async function newEpisode() {
    const json = { ...minimalShow, slug: `hervat-${++shows}` };
    const show = await (await t.call('POST', '/api/v1/shows', { json })).json();
    return (
      await (await t.call('POST', `/api/v1/shows/${show.id}/episodes`, { json: { title: 'x' } })).json()
    ).id as string;
  }

  it('answers an unknown episode and a non-audio upload as the API does, in the asked language', async () => {
    const episodeId = await newEpisode();
    const cases = [
      { size: 10, metadata: { episodeId: 'nope', filetype: 'audio/mpeg' }, status: 404, code: 'not_found' },
      {
        size: 10,
        metadata: { episodeId, filetype: 'text/plain' },
        status: 415,
        code: 'unsupported_media_type',
      },
    ];
    for (const { size, metadata, status, code } of cases) {
      const nl = await create(size, metadata);
      const text = await nl.text();
      expect([nl.status, text], code).toEqual([status, expect.stringContaining(`"code":"${code}"`)]);
      const body = JSON.parse(text);
      expect(body).toMatchObject({ status, code });
      const en = JSON.parse(await (await create(size, metadata, 'en')).text());
      expect(en.code).toBe(code);
      expect(en.title).not.toBe(body.title); // Dutch by default, English when asked
    }
  });

  it('refuses a new recording for a published episode (409), and a finished upload whose episode is gone (404)', async () => {
    const show = await publishableShow(t, { slug: 'hervat-weigering' });
    const published = await readyEpisode(t, show.id, { title: 'Al gepubliceerd' });
    expect((await t.call('POST', `/api/v1/episodes/${published.id}/publish`, { json: {} })).status).toBe(200);
    const refused = await create(10, { episodeId: published.id, filetype: 'audio/mpeg' });
    expect(refused.status).toBe(409);
    expect(JSON.parse(await refused.text()).code).toBe('conflict');

    const episodeId = await newEpisode();
    const created = await create(4, { episodeId, filetype: 'audio/mpeg' });
    expect(created.status).toBe(201);
    expect((await t.call('DELETE', `/api/v1/episodes/${episodeId}`)).status).toBe(204);
    const finish = await t.app.request(`${t.baseUrl}${created.headers.get('location')}`, {
      method: 'PATCH',
      headers: tusHeaders({ 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      body: new Uint8Array([1, 2, 3, 4]),
    });
    expect(finish.status).toBe(404);
    expect(JSON.parse(await finish.text())).toMatchObject({ code: 'not_found', status: 404 });
  });
});
