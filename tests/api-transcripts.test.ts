import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const srt = `1
00:00:01,000 --> 00:00:04,500
Jan: Welkom bij de podcast.

2
00:00:05,000 --> 00:00:09,000
Marie: Dank je, fijn om hier te zijn <script>alert(1)</script>.
`;

describe.each(testDatabases())('transcripts and chapters on $name', (database) => {
  let t: TestApp;
  let episode: { id: string; slug: string };
  let showSlug: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    const show = await publishableShow(t, { slug: 'transcript-show' });
    showSlug = show.slug;
    episode = await readyEpisode(t, show.id, { title: 'Met transcript' });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    await t.worker.drain();
  });
  afterAll(async () => t.close());

  async function feedXml() {
    await t.worker.drain();
    await new Promise((r) => setTimeout(r, 1100)); // the served feed revalidates each second
    return (await t.app.request(`/feeds/${showSlug}.xml`)).text();
  }

  it('advertises no placeholder in the feed, and promises no transcript that no transcriber will make', async () => {
    await t.transcripts.savePlaceholder(episode.id, 'nl', [{ start: 0, end: 50 }], 120);
    expect(await feedXml()).not.toContain('<podcast:transcript');
    expect((await t.app.request(`/media/${showSlug}/${episode.slug}/transcript.nl.vtt`)).status).toBe(404);
    const page = await (await t.app.request(`/shows/${showSlug}/${episode.slug}`)).text();
    // No TRANSCRIBER here: the placeholder stays a placeholder, so the page promises nothing.
    expect(page).not.toContain('Een uitgeschreven tekst van deze aflevering volgt.');
  });

  it('takes an SRT, serves it as VTT, SRT, JSON and HTML, and lists each in the feed', async () => {
    const res = await t.call('PUT', `/api/v1/episodes/${episode.id}/transcript?language=nl`, {
      body: srt,
      headers: { 'content-type': 'application/x-subrip' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ language: 'nl', status: 'ready', cues: 2 });

    const vtt = await (await t.app.request(`/media/${showSlug}/${episode.slug}/transcript.nl.vtt`)).text();
    expect(vtt).toContain('WEBVTT');
    expect(vtt).toContain('00:00:01.000 --> 00:00:04.500');
    expect(vtt).toContain('<v Jan>Welkom bij de podcast.');
    expect(vtt).not.toContain('<script>');
    const json = await (await t.app.request(`/media/${showSlug}/${episode.slug}/transcript.nl.json`)).json();
    expect(json.segments[1]).toMatchObject({ speaker: 'Marie', startTime: 5, endTime: 9 });
    const html = await (await t.app.request(`/media/${showSlug}/${episode.slug}/transcript.nl.html`)).text();
    expect(html).toContain('Welkom bij de podcast.');
    expect(html).not.toContain('<script>');
    expect(
      (await t.app.request(`/media/${showSlug}/${episode.slug}.srt`)).headers.get('content-type'),
    ).toContain('application/x-subrip');

    const xml = await feedXml();
    const tags = xml.match(/<podcast:transcript [^>]+>/g) ?? [];
    expect(tags).toHaveLength(4);
    expect(tags.find((tag) => tag.includes('text/vtt'))).toContain('rel="captions"');
    expect(tags.every((tag) => tag.includes('language="nl"'))).toBe(true);
  });

  it('refuses a broken file with 422 naming the line, and cues beyond the audio', async () => {
    const broken = await t.call('PUT', `/api/v1/episodes/${episode.id}/transcript?language=en`, {
      body: 'WEBVTT\n\n00:00:01.000 --> 00:00:0X.000\nHello\n',
      headers: { 'content-type': 'text/vtt', 'accept-language': 'en' },
    });
    expect(broken.status).toBe(422);
    const body = await broken.json();
    expect(body.detail).toMatch(/line 3/);
    const beyond = await t.call('PUT', `/api/v1/episodes/${episode.id}/transcript?language=en`, {
      body: 'WEBVTT\n\n00:10:00.000 --> 00:10:05.000\nToo late\n',
      headers: { 'content-type': 'text/vtt' },
    });
    expect(beyond.status).toBe(422);
    expect((await beyond.json()).errors[0].code).toBe('cue_beyond_duration');
    const list = await (await t.call('GET', `/api/v1/episodes/${episode.id}/transcript`)).json();
    expect(list.items.map((i: { language: string }) => i.language)).toEqual(['nl']);
  });

  it('takes plain chapter lines, validates them, and links them from the feed', async () => {
    const res = await t.call('PUT', `/api/v1/episodes/${episode.id}/chapters`, {
      body: '00:00 Intro\n00:30 Gesprek met de wethouder\n1:30 Afsluiting',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json+chapters');
    const chapters = await res.json();
    expect(chapters.chapters.map((c: { startTime: number }) => c.startTime)).toEqual([0, 30, 90]);
    const served = await t.app.request(`/media/${showSlug}/${episode.slug}/chapters.json`);
    expect(served.headers.get('content-type')).toContain('application/json+chapters');
    expect(served.headers.get('access-control-allow-origin')).toBe('*');
    expect(await feedXml()).toContain(
      `<podcast:chapters url="${t.baseUrl}/media/${showSlug}/${episode.slug}/chapters.json"`,
    );

    const outOfOrder = await t.call('PUT', `/api/v1/episodes/${episode.id}/chapters`, {
      body: '00:30 Later\n00:10 Eerder',
      headers: { 'content-type': 'text/plain' },
    });
    expect(outOfOrder.status).toBe(422);
    const tooLate = await t.call('PUT', `/api/v1/episodes/${episode.id}/chapters`, {
      body: '00:00 Intro\n10:00 Na het einde',
      headers: { 'content-type': 'text/plain' },
    });
    expect(tooLate.status).toBe(422);
  });

  itLeavesStorageConsistent(() => t);
});
