import type { Hono } from 'hono';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

const englishOnly = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Sarah>Welcome to our programme about housing, with Zoë.

00:00:34.000 --> 00:00:38.000
<v Sarah>The word we look for is zeppelinhangar, spoken only here.
`;

const dutchTranscript = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Jan>Welkom bij één gesprek over wonen.

00:00:04.000 --> 00:00:08.000
<v Jan>We zitten in een rustig café.
`;

describe.each(testDatabases())(
  'organisation, home, statements, subscribe and search on $name',
  (database) => {
    let t: TestApp;
    let app: Hono;
    let episode: { id: string; slug: string };
    const get = (path: string, headers: Record<string, string> = {}) =>
      app.request(`http://zender.test${path}`, { headers });

    beforeAll(async () => {
      t = await openTestApp(database);
      app = withWebRoutes(t);
      const show = await publishableShow(t, { slug: 'wonen', title: 'Wonen in de wijk' });
      episode = await publishedAudioEpisode(
        t,
        show.id,
        { title: 'Huisvesting <en> "wachtlijsten"', summary: 'Over de woningnood.' },
        {
          seconds: 40,
          chapters: '0:00 Begin\n0:20 Wachtlijsten en woningnood',
          transcriptVtt: dutchTranscript,
        },
      );
      const en = await t.call('PUT', `/api/v1/episodes/${episode.id}/transcript?language=en`, {
        body: englishOnly,
        headers: { 'content-type': 'text/vtt' },
      });
      expect(en.status).toBe(200);
      // A show that never published stays off the home page.
      await publishableShow(t, { slug: 'nog-stil', title: 'Nog niet aangekondigd' });
      await t.worker.drain();
    });
    afterAll(async () => t.close());

    it('refuses a brand colour without AA contrast, in Dutch, and keeps one that has it', async () => {
      const pale = await t.call('PATCH', '/api/v1/organisation', { json: { accentColor: '#7fb2e5' } });
      expect(pale.status).toBe(422);
      const problem = await pale.json();
      expect(problem.code).toBe('accent_contrast');
      expect(problem.detail).toMatch(/contrast van 2[.,]\d+:1 .* minstens 4.5:1/);
      const english = await t.call('PATCH', '/api/v1/organisation', {
        json: { accentColor: '#7fb2e5' },
        headers: { 'accept-language': 'en' },
      });
      expect((await english.json()).detail).toMatch(/needs at least 4.5:1/);

      const saved = await t.call('PATCH', '/api/v1/organisation', {
        json: {
          name: 'Ministerie van Wonen',
          website: 'https://www.example.nl/',
          accentColor: '#154273',
          footerLinks: [{ label: 'Contact <& co>', url: 'mailto:podcast@example.nl' }],
        },
      });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ name: 'Ministerie van Wonen', accentColor: '#154273' });
    });

    it('lets only admins change the organisation, and refuses unknown fields', async () => {
      const editor = await t.tokenFor('editor');
      const denied = await t.call('PATCH', '/api/v1/organisation', { token: editor, json: { name: 'X' } });
      expect(denied.status).toBe(403);
      const read = await t.call('GET', '/api/v1/organisation', { token: await t.tokenFor('viewer') });
      expect(read.status).toBe(200);
      const unknown = await t.call('PATCH', '/api/v1/organisation', { json: { colour: '#000000' } });
      expect(unknown.status).toBe(400);
    });

    it('takes a PNG logo, draws a safe SVG to PNG, and refuses an SVG that reaches outside itself', async () => {
      const hostile = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><image href="file:///etc/passwd" width="64" height="64"/><script>alert(1)</script></svg>`;
      const refused = await t.call('PUT', '/api/v1/organisation/logo', {
        body: hostile,
        headers: { 'content-type': 'image/svg+xml' },
      });
      expect(refused.status).toBe(422);
      expect((await refused.json()).code).toBe('logo_unsafe_svg');

      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50" fill="#154273"/></svg>`;
      const drawn = await t.call('PUT', '/api/v1/organisation/logo', {
        body: svg,
        headers: { 'content-type': 'image/svg+xml' },
      });
      expect(drawn.status).toBe(200);
      const { logoUrl } = await drawn.json();
      const served = await get(new URL(logoUrl).pathname);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(meta.format).toBe('png');
      expect(meta.height).toBeLessThanOrEqual(128);

      const png = await sharp({ create: { width: 300, height: 100, channels: 4, background: '#ffffff' } })
        .png()
        .toBuffer();
      const replaced = await t.call('PUT', '/api/v1/organisation/logo', {
        body: new Uint8Array(png),
        headers: { 'content-type': 'image/png' },
      });
      expect(replaced.status).toBe(200);
      // The previous logo is gone from storage and from the public route.
      expect((await get(new URL(logoUrl).pathname)).status).toBe(404);
      expect(await t.store.list('organisation/')).toHaveLength(1);
    });

    it('shows the organisation on the home page with only shows that published', async () => {
      const res = await get('/');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>Podcasts van Ministerie van Wonen</h1>');
      expect(html).toContain('Wonen in de wijk');
      expect(html).not.toContain('Nog niet aangekondigd');
      expect(html).toContain('href="http://zender.test/feeds/wonen.xml"'); // RSS autodiscovery
      expect(html).toContain(':root{--zp-accent-light:#154273');
      expect(html).toContain('Contact &lt;&amp; co&gt;');
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      const english = await (await get('/', { 'accept-language': 'en-GB,en;q=0.9' })).text();
      expect(english).toContain('Podcasts by Ministerie van Wonen');
    });

    it('links both statements from the footer of every public page, with true default texts', async () => {
      for (const path of [
        '/',
        '/shows/wonen',
        `/shows/wonen/${episode.slug}`,
        '/search?q=wonen',
        '/privacy',
      ]) {
        const html = await (await get(path)).text();
        expect(html, path).toContain('href="http://zender.test/privacy"');
        expect(html, path).toContain('href="http://zender.test/toegankelijkheid"');
      }
      const privacy = await (await get('/privacy')).text();
      expect(privacy).toContain('Ministerie van Wonen publiceert');
      expect(privacy).toContain('Het IP-adres zelf wordt nooit bewaard');
      const accessibility = await (await get('/toegankelijkheid?lang=en')).text();
      expect(accessibility).toContain('WCAG 2.1 level AA');

      const edited = await t.call('PATCH', '/api/v1/organisation', {
        json: { statements: { privacy: { nl: '## Eigen tekst\n\nWij <script>niets</script>.' } } },
      });
      expect(edited.status).toBe(200);
      const own = await (await get('/privacy')).text();
      expect(own).toContain('<h2>Eigen tekst</h2>');
      expect(own).toContain('Wij &lt;script&gt;niets&lt;/script&gt;.');
      await t.call('PATCH', '/api/v1/organisation', { json: { statements: { privacy: { nl: null } } } });
      expect(await (await get('/privacy')).text()).toContain('Geen cookies, geen volgen');
    });

    it('offers a subscribe button per app, the feed to copy and its QR code', async () => {
      const html = await (await get('/shows/wonen')).text();
      const feed = 'http://zender.test/feeds/wonen.xml';
      expect(html).toContain(`href="podcast://zender.test/feeds/wonen.xml"`);
      expect(html).toContain(`href="overcast://x-callback-url/add?url=${encodeURIComponent(feed)}"`);
      expect(html).toContain(
        `href="https://antennapod.org/deeplink/subscribe?url=${encodeURIComponent(feed)}"`,
      );
      expect(html).toContain('Abonneren in Pocket Casts');
      expect(html).not.toContain('Spotify'); // no directory page filled in
      expect(html).toContain(`value="${feed}"`);
      const qr = await get('/shows/wonen/feed-qr.svg');
      expect(qr.status).toBe(200);
      expect(qr.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(await qr.text()).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
      expect((await get('/shows/nog-stil/feed-qr.svg')).status).toBe(404);
    });

    it('finds a word spoken only in the English transcript, linking to its moment', async () => {
      const res = await app.request('http://zender.test/api/v1/search?q=Zeppelinhangar');
      expect(res.status).toBe(200);
      const { items } = await res.json();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'transcript',
        language: 'en',
        startSeconds: 34,
        speaker: 'Sarah',
      });
      expect(items[0].url).toBe(`http://zender.test/shows/wonen/${episode.slug}?transcript=en#t=34`);
      expect(items[0].snippet.find((p: { match: boolean }) => p.match).text.toLowerCase()).toBe(
        'zeppelinhangar',
      );

      const page = await (await get('/search?q=zeppelinhangar')).text();
      expect(page).toContain('<mark>zeppelinhangar</mark>');
      expect(page).toContain('1 resultaat voor “zeppelinhangar”');
    });

    it('searches chapters and descriptions, escapes titles and answers search syntax as plain words', async () => {
      const chapter = await (await app.request('http://zender.test/api/v1/search?q=woningnood')).json();
      expect(chapter.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['chapter', 'notes']);
      expect(chapter.items.find((i: { kind: string }) => i.kind === 'chapter').url).toMatch(/#t=20$/);
      const page = await (await get('/search?q=wachtlijsten')).text();
      expect(page).toContain('Huisvesting &lt;en&gt; &quot;wachtlijsten&quot;');
      for (const hostile of ['"', 'NEAR(a b)', 'a OR', '*', "') OR 1=1 --", '\u0000']) {
        const res = await app.request(`http://zender.test/api/v1/search?q=${encodeURIComponent(hostile)}`);
        expect(res.status, hostile).toBe(200);
      }
      expect((await get('/search?q=%22%29')).status).toBe(200);
    });

    it('ignores diacritics: "cafe" finds "café", "zoe" finds "Zoë", and passages keep their accents', async () => {
      const search = async (q: string) =>
        (await (await app.request(`http://zender.test/api/v1/search?q=${encodeURIComponent(q)}`)).json())
          .items;
      const text = (hit: { snippet: { text: string }[] }) => hit.snippet.map((piece) => piece.text).join('');
      const dutch = await search('rustig cafe');
      expect(dutch[0]).toMatchObject({ kind: 'transcript', language: 'nl' });
      expect(text(dutch[0])).toContain('rustig café');
      expect((await search('café'))[0]?.kind).toBe('transcript');
      // English stemming keeps accents where Dutch stemming drops them: folded on both databases.
      const english = await search('zoe');
      expect(english[0]).toMatchObject({ kind: 'transcript', language: 'en' });
      expect(text(english[0])).toContain('Zoë');
    });

    it('switches the transcript between its languages on the page and in the embed', async () => {
      const dutch = await (await get(`/shows/wonen/${episode.slug}`)).text();
      expect(dutch).toContain('Welkom bij één gesprek over wonen.');
      expect(dutch).toContain(
        `href="http://zender.test/shows/wonen/${episode.slug}?transcript=en&amp;lang=nl#zp-transcript-heading"`,
      );
      expect(dutch).toContain('>Engels</a>');
      const english = await (await get(`/shows/wonen/${episode.slug}?transcript=en`)).text();
      expect(english).toContain('The word we look for is zeppelinhangar');
      expect(english).not.toContain('Welkom bij één gesprek');
      expect(english).toContain('<html lang="nl"'); // the page stays Dutch
      const embed = await (await get(`/embed/episodes/${episode.id}?transcript=en`)).text();
      expect(embed).toContain('zeppelinhangar');
      expect(embed).toContain(`?transcript=nl&amp;lang=nl"`);
    });

    it('names people by their Podcasting 2.0 role in the page language', async () => {
      const show = await (await t.call('GET', '/api/v1/shows')).json();
      const wonen = show.items.find((s: { slug: string }) => s.slug === 'wonen');
      const patch = await t.call('PATCH', `/api/v1/shows/${wonen.id}`, {
        json: {
          persons: [
            { name: 'Fatima', role: 'host' },
            { name: 'Piet', role: 'guest', organisation: 'Gemeente X' },
          ],
        },
      });
      expect(patch.status).toBe(200);
      const nl = await (await get('/shows/wonen')).text();
      expect(nl).toContain('<span lang="nl">Presentator</span>');
      expect(nl).not.toMatch(/>host</);
      const en = await (await get('/shows/wonen?lang=en')).text();
      expect(en).toContain('<span lang="en">Host</span>');
    });

    it('forgets an unpublished episode at the next feed rebuild', async () => {
      const before = await (await app.request('http://zender.test/api/v1/search?q=zeppelinhangar')).json();
      expect(before.items).toHaveLength(1);
      expect((await t.call('POST', `/api/v1/episodes/${episode.id}/unpublish`, { json: {} })).status).toBe(
        200,
      );
      await t.worker.drain();
      const after = await (await app.request('http://zender.test/api/v1/search?q=zeppelinhangar')).json();
      expect(after.items).toHaveLength(0);
    });

    it('tells crawlers what is public', async () => {
      const robots = await (await get('/robots.txt')).text();
      expect(robots).toContain('Disallow: /api/');
      expect(robots).toContain('Sitemap: http://zender.test/sitemap.xml');
      const sitemap = await get('/sitemap.xml');
      expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const xml = await sitemap.text();
      expect(xml).toContain('<loc>http://zender.test/</loc>');
      expect(xml).not.toContain('nog-stil');
    });

    itLeavesStorageConsistent(() => t);
  },
);
