import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { tusMetadata } from './helpers/tus-client.js';

/** A raw HTTP GET with headers fetch will not send (Host), answering status, headers and body. */
function rawGet(origin: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(`${origin}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe.each(testDatabases())('security hardening on $name', (database) => {
  let t: TestApp;
  let served: ServedApp;

  beforeAll(async () => {
    t = await openTestApp(database);
    served = await serveApp(t);
  });
  afterAll(async () => {
    await served.close();
    await t.close();
  });

  it('answers malformed percent-encoding in a path with 400 problem+json, not 500', async () => {
    for (const path of [
      '/media/show/%',
      '/media/show/%E0%A4%A.mp3',
      '/shows/%zz',
      '/embed/shows/%',
      '/feeds/%.xml',
    ]) {
      const res = await t.app.request(`http://zender.test${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).code).toBe('malformed_path');
    }
    // Well-formed encoding still reaches the routes.
    expect((await t.app.request('http://zender.test/media/show/%41.mp3')).status).toBe(404);
  });

  it('builds the problem type URL from BASE_URL, whatever Host the client sends', async () => {
    const res = await rawGet(served.origin, '/api/v1/shows', { host: 'evil.example' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).type).toBe(`${t.baseUrl}/problems/unauthorized`);
    const missing = await rawGet(served.origin, '/nowhere', { host: 'evil.example:8080' });
    expect(JSON.parse(missing.body).type).toBe(`${t.baseUrl}/problems/not_found`);
    expect(missing.body).not.toContain('evil.example');
  });

  it('refuses lone surrogates in any JSON text with 400 naming the field; keeps real emoji', async () => {
    const show = await publishableShow(t, { slug: 'surrogaten' });
    const bad = [
      [
        '/api/v1/shows',
        '{"title":"Half \\ud800 paar","description":"x","author":"a","owner":{"email":"a@b.nl"}}',
        'title',
      ],
      [`/api/v1/shows/${show.id}/episodes`, '{"title":"ok","summary":"eind \\udfff"}', 'summary'],
      [`/api/v1/shows/${show.id}`, '{"persons":[{"name":"Jan \\udc00"}]}', 'persons.0.name'],
    ] as const;
    for (const [path, body, field] of bad) {
      const res = await t.call(
        path.endsWith('episodes') || path === '/api/v1/shows' ? 'POST' : 'PATCH',
        path,
        {
          body,
          headers: { 'content-type': 'application/json' },
        },
      );
      expect(res.status, path).toBe(400);
      const problem = await res.json();
      expect(problem.errors[0]).toMatchObject({ field, code: 'lone_surrogate' });
    }
    // Bytes that are not UTF-8 at all (an encoded surrogate, ED A0 80) are refused too, not turned into U+FFFD.
    const raw = Buffer.concat([
      Buffer.from('{"title":"x'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    const res = await t.call('POST', `/api/v1/shows/${show.id}/episodes`, {
      body: new Uint8Array(raw),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('malformed_text');
    // A client that labels every request as JSON, bodyless GETs included, is not refused.
    const labelled = await t.call('GET', `/api/v1/shows/${show.id}`, {
      headers: { 'content-type': 'application/json' },
    });
    expect(labelled.status).toBe(200);
    const fine = await t.call('POST', `/api/v1/shows/${show.id}/episodes`, {
      json: { title: 'Podcast 🎙️ over wonen' },
    });
    expect(fine.status).toBe(201);
    expect((await fine.json()).title).toBe('Podcast 🎙️ over wonen');
    const titles = (await (await t.call('GET', `/api/v1/shows/${show.id}/episodes`)).json()).items.map(
      (e: { title: string }) => e.title,
    );
    expect(titles).toEqual(['Podcast 🎙️ over wonen']);
  });

  it('answers tus errors as problem+json, keeping the tus headers', async () => {
    const token = await t.tokenFor('editor');
    const base = { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}` };
    const missing = await fetch(`${served.origin}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...base, 'upload-length': '10', 'upload-metadata': tusMetadata({ filename: 'a.mp3' }) },
    });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.headers.get('tus-resumable')).toBe('1.0.0');
    expect((await missing.json()).detail).toContain('episodeId');
    const unknown = await fetch(`${served.origin}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...base, 'upload-length': '10', 'upload-metadata': tusMetadata({ episodeId: 'nope' }) },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found', status: 404 });
    const gone = await fetch(`${served.origin}/api/v1/uploads/0123456789abcdef`, {
      method: 'HEAD',
      headers: base,
    });
    expect(gone.status).toBe(404);
    const patch = await fetch(`${served.origin}/api/v1/uploads/0123456789abcdef`, {
      method: 'PATCH',
      headers: { ...base, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: 'abc',
    });
    expect(patch.status).toBe(404);
    expect(patch.headers.get('content-type')).toContain('application/problem+json');
    expect(await patch.json()).toMatchObject({ code: 'upload_refused', status: 404 });
  });

  it('sends nosniff on API JSON and no-store on every authenticated answer', async () => {
    const list = await t.call('GET', '/api/v1/shows');
    expect(list.status).toBe(200);
    expect(list.headers.get('x-content-type-options')).toBe('nosniff');
    expect(list.headers.get('cache-control')).toBe('no-store');
    const refused = await t.call('GET', '/api/v1/shows', { token: 'wrong' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const openapi = await t.app.request('http://zender.test/openapi.json');
    expect(openapi.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends a CSP and nosniff on /docs and its files', async () => {
    for (const path of ['/docs', '/docs/init.js', '/docs/assets/swagger-ui-bundle.js']) {
      const res = await t.app.request(`http://zender.test${path}`);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends a sandboxing CSP with the public HTML transcript', async () => {
    const show = await publishableShow(t, { slug: 'transcript-csp' });
    const episode = await readyEpisode(t, show.id, { title: 'Met tekst' });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    const srt = '1\n00:00:01,000 --> 00:00:04,500\nJan: Welkom <script>alert(1)</script>\n';
    const put = await t.call('PUT', `/api/v1/episodes/${episode.id}/transcript?language=nl`, {
      body: srt,
      headers: { 'content-type': 'application/x-subrip' },
    });
    expect(put.status).toBe(200);
    const res = await t.app.request(
      `http://zender.test/media/transcript-csp/${episode.slug}/transcript.nl.html`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps a show without a published episode off its page, embed and oEmbed until the first is published', async () => {
    const show = await publishableShow(t, { slug: 'nog-geheim', title: 'Nog niet aangekondigd' });
    const episode = await readyEpisode(t, show.id, { title: 'De eerste' });
    const page = () => t.app.request('http://zender.test/shows/nog-geheim');
    const embed = () => t.app.request('http://zender.test/embed/shows/nog-geheim');
    const oembed = () =>
      t.app.request(
        `http://zender.test/oembed?url=${encodeURIComponent('http://zender.test/shows/nog-geheim')}`,
      );
    for (const res of [await page(), await embed(), await oembed()]) {
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Nog niet aangekondigd');
    }
    // Renamed before it was announced: the old name does not lead to the new one either.
    await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { slug: 'nog-steeds-geheim' } });
    expect((await t.app.request('http://zender.test/shows/nog-geheim')).status).toBe(404);
    await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { slug: 'nog-geheim' } });

    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    expect((await page()).status).toBe(200);
    expect(await (await embed()).text()).toContain('Nog niet aangekondigd');
    expect(await (await oembed()).json()).toMatchObject({ title: 'Nog niet aangekondigd' });
  });
});
