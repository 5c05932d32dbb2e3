import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, channelRules, channels, fitsLimit, measureLength } from '../src/social/index.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/** Calls as a staff member of the given role, through the app the container wired. */
function harness(t: TestApp) {
  return {
    app: t.app,
    async call(
      method: string,
      path: string,
      options: {
        role?: 'viewer' | 'editor' | 'admin';
        json?: unknown;
        headers?: Record<string, string>;
      } = {},
    ) {
      const token = await t.tokenFor(options.role ?? 'editor');
      return t.call(method, path, { token, json: options.json, headers: options.headers });
    },
  };
}

type Draft = {
  id: string;
  channel: Channel;
  text: string;
  length: number;
  limit: number;
  fits: boolean;
  status: string;
  link: string;
  facets?: { index: { byteStart: number; byteEnd: number }; features: { $type: string; uri?: string }[] }[];
  image: { url: string; alt: string; width: number; height: number } | null;
  history: { at: string; action: string; by: { tokenId: string; name: string } | null; status: string }[];
  updatedAt: string;
};

const hostileTitle =
  'Wethouder <Jansen> & "armoede" 👩‍👩‍👧‍👦 人権と自治体 حقوق الإنسان IJsselstein café e\u0301 ' +
  'een heel lange titel die maar doorgaat '.repeat(6);
const hostileSummary =
  'Over wonen (zie https://example.org/wiki/Recht_(wonen)) en 🇳🇱 vlaggen, ZWJ 👨🏽‍💻 en combining a\u0308\u0304. '.repeat(
    40,
  );

describe.each(testDatabases())('social drafts on $name', (database) => {
  let t: TestApp;
  let h: ReturnType<typeof harness>;
  let episode: { id: string; slug: string };
  let drafts: Record<Channel, Draft>;

  beforeAll(async () => {
    t = await openTestApp(database);
    h = harness(t);
    const show = await publishableShow(t, {
      slug: 'sociaal',
      social: { hashtags: ['mensenrechten', 'gemeenten'] },
    });
    episode = await readyEpisode(t, show.id, {
      title: hostileTitle.slice(0, 250),
      summary: hostileSummary,
      persons: [
        { name: 'Fatima el Amrani', role: 'wethouder', organisation: 'gemeente Utrecht' },
        { name: 'Piet Presentator', role: 'host' },
      ],
    });
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
  });
  afterAll(async () => t.close());

  async function list(): Promise<Record<Channel, Draft>> {
    const res = await h.call('GET', `/api/v1/episodes/${episode.id}/social-drafts`, { role: 'viewer' });
    expect(res.status).toBe(200);
    const items = (await res.json()).items as Draft[];
    return Object.fromEntries(items.map((d) => [d.channel, d])) as Record<Channel, Draft>;
  }

  it('queues the drafts job on publish; the job drafts every channel within its own limit', async () => {
    // Publishing (in beforeAll, through the API) queued the job; it has not run yet.
    const jobs = await t.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'generate-social-drafts')
      .execute();
    expect(jobs.map((job) => JSON.parse(job.payload))).toContainEqual({ episodeId: episode.id });
    expect(await list()).toEqual({});

    await t.worker.drain();
    drafts = await list();
    expect(Object.keys(drafts).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      const draft = drafts[channel];
      expect(draft.status).toBe('draft');
      expect(draft.limit).toBe(channelRules[channel].limit);
      expect(draft.length).toBe(measureLength(channel, draft.text));
      expect(draft.length).toBeLessThanOrEqual(draft.limit);
      expect(fitsLimit(channel, draft.text)).toBe(true);
      expect(draft.link).toBe(
        `${t.baseUrl}/shows/sociaal/${episode.slug}?utm_source=${channelRules[channel].utmSource}&utm_medium=social&utm_campaign=sociaal`,
      );
      expect(draft.text).not.toContain('Piet Presentator');
      expect(draft.history).toEqual([expect.objectContaining({ action: 'generated', by: null })]);
      expect(draft.image?.url).toBe(`${t.baseUrl}/media/sociaal/${episode.slug}/share.png`);
      expect(draft.image?.alt).toContain('Wethouder <Jansen>');
    }
    expect(drafts.linkedin.text).toContain('Fatima el Amrani (wethouder, gemeente Utrecht)');
    expect(drafts.mastodon.text).toContain('#mensenrechten #gemeenten');
    expect(drafts.instagram.text).not.toContain('http');
    expect(drafts.instagram.text).toContain('bio');
    const bytes = Buffer.from(drafts.bluesky.text, 'utf8');
    const link = drafts.bluesky.facets!.find((f) => f.features[0].uri === drafts.bluesky.link)!;
    expect(bytes.subarray(link.index.byteStart, link.index.byteEnd).toString('utf8')).toBe(
      drafts.bluesky.link,
    );

    // Publishing again queues the job again; it keeps what is there.
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain();
    expect(await list()).toEqual(drafts);
  });

  it('serves the share image of a published episode: 1200×630 PNG', async () => {
    const res = await h.app.request(`/media/sociaal/${episode.slug}/share.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    const stored = await t.db.kysely
      .selectFrom('media_files')
      .selectAll()
      .where('episode_id', '=', episode.id)
      .where('role', '=', 'share-image')
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].key).toMatch(new RegExp(`^episodes/${episode.id}/share/[0-9a-f]+\\.png$`));
    expect((await h.app.request(`/media/sociaal/nope/share.png`)).status).toBe(404);
  });

  it('re-checks the length on edit: too long is 422 in Dutch or English', async () => {
    const tooLong = await h.call('PATCH', `/api/v1/social-drafts/${drafts.x.id}`, {
      json: { text: 'a'.repeat(281) },
    });
    expect(tooLong.status).toBe(422);
    const problem = await tooLong.json();
    expect(problem.code).toBe('draft_too_long');
    expect(problem.detail).toContain('staat er 280 toe');
    const english = await h.call('PATCH', `/api/v1/social-drafts/${drafts.x.id}`, {
      json: { text: '👩‍👩‍👧‍👦'.repeat(141) },
      headers: { 'accept-language': 'en' },
    });
    expect(english.status).toBe(422);
    expect((await english.json()).detail).toContain('X allows 280');

    // X weighs any URL as 23, so this 380-character text fits.
    const text = `${'b'.repeat(250)} https://example.org/${'c'.repeat(100)}`;
    const ok = await h.call('PATCH', `/api/v1/social-drafts/${drafts.x.id}`, { json: { text } });
    expect(ok.status).toBe(200);
    const edited = (await ok.json()) as Draft;
    expect([edited.text, edited.length, edited.status]).toEqual([text, 274, 'draft']);
    expect(edited.history.at(-1)).toMatchObject({ action: 'edited', by: { name: 'test editor' } });
    expect(Date.parse(edited.history.at(-1)!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('recomputes the Bluesky link facet in bytes after an edit', async () => {
    const text = `Nieuw 👩‍👩‍👧‍👦 met ĳs en é: ${drafts.bluesky.link} #gemeenten`;
    const res = await h.call('PATCH', `/api/v1/social-drafts/${drafts.bluesky.id}`, { json: { text } });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as Draft;
    const bytes = Buffer.from(text, 'utf8');
    const spans = edited.facets!.map((f) =>
      bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'),
    );
    expect(spans).toEqual([drafts.bluesky.link, '#gemeenten']);
    expect(edited.length).toBe(measureLength('bluesky', text));
  });

  it('moves draft → approved → (rejected), records who and when, 409 on the rest', async () => {
    const id = drafts.mastodon.id;
    expect((await h.call('POST', `/api/v1/social-drafts/${id}/approve`, { role: 'viewer' })).status).toBe(
      403,
    );
    const approved = await h.call('POST', `/api/v1/social-drafts/${id}/approve`);
    expect(approved.status).toBe(200);
    const body = (await approved.json()) as Draft;
    expect(body.status).toBe('approved');
    expect(body.history.at(-1)).toMatchObject({
      action: 'approved',
      status: 'approved',
      by: { name: 'test editor' },
    });

    const again = await h.call('POST', `/api/v1/social-drafts/${id}/approve`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'draft_state',
      detail: expect.stringContaining('goedgekeurd'),
    });
    expect((await h.call('PATCH', `/api/v1/social-drafts/${id}`, { json: { text: 'x' } })).status).toBe(409);

    const rejected = await h.call('POST', `/api/v1/social-drafts/${id}/reject`, {
      role: 'admin',
      json: { reason: 'toch niet' },
    });
    expect(rejected.status).toBe(200);
    expect((await rejected.json()).history.at(-1)).toMatchObject({
      action: 'rejected',
      by: { name: 'test admin' },
      note: 'toch niet',
    });
    for (const action of ['approve', 'reject'])
      expect((await h.call('POST', `/api/v1/social-drafts/${id}/${action}`)).status).toBe(409);
    expect((await h.call('POST', '/api/v1/social-drafts/nope/approve')).status).toBe(404);

    // A plain reject (no body) of a draft works too.
    expect((await h.call('POST', `/api/v1/social-drafts/${drafts.facebook.id}/reject`)).status).toBe(200);
  });

  it('reads a draft as JSON or as plain text for copy-paste', async () => {
    const json = await h.call('GET', `/api/v1/social-drafts/${drafts.linkedin.id}`, { role: 'viewer' });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect((await json.json()).text).toBe(drafts.linkedin.text);
    const plain = await h.call('GET', `/api/v1/social-drafts/${drafts.linkedin.id}`, {
      role: 'viewer',
      headers: { accept: 'text/plain' },
    });
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await plain.text()).toBe(drafts.linkedin.text);
    expect((await h.call('GET', '/api/v1/social-drafts/nope')).status).toBe(404);
  });

  it('regenerates every undelivered draft from the templates, back to draft', async () => {
    const res = await h.call('POST', `/api/v1/episodes/${episode.id}/social-drafts/regenerate`);
    expect(res.status).toBe(200);
    const items = (await res.json()).items as Draft[];
    expect(items.map((d) => d.channel)).toEqual([...channels]);
    const byChannel = Object.fromEntries(items.map((d) => [d.channel, d])) as Record<Channel, Draft>;
    expect(byChannel.mastodon.status).toBe('draft');
    expect(byChannel.mastodon.history.map((e) => e.action)).toEqual([
      'generated',
      'approved',
      'rejected',
      'regenerated',
    ]);
    expect(byChannel.x.text).toBe(drafts.x.text);
    expect(byChannel.x.id).toBe(drafts.x.id);
    expect((await h.call('POST', '/api/v1/episodes/nope/social-drafts/regenerate')).status).toBe(404);
  });

  it('keeps the share image of an unpublished episode private', async () => {
    const show = await publishableShow(t, { slug: 'nog-niet' });
    const ready = await readyEpisode(t, show.id, { title: 'Nog geheim' });
    const res = await h.call('POST', `/api/v1/episodes/${ready.id}/social-drafts/regenerate`);
    expect(res.status).toBe(200);
    expect(((await res.json()).items as Draft[])[0].image?.url).toContain('/share.png');
    expect((await h.app.request(`/media/nog-niet/${ready.slug}/share.png`)).status).toBe(404);
  });

  itLeavesStorageConsistent(() => t);
});
