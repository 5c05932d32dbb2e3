import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateShow } from '../src/db/repositories/shows-repository.js';
import { contrastRatio } from '../src/web/accent-color.js';
import { cueEveryTwoSeconds, publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

const HOSTILE_TITLE = 'Wethouder </script><script>alert(1)</script> & "armoede" \u2028 \u2029 <!--';

describe.each(testDatabases())('embeds, oEmbed and public pages on $name', (database) => {
  let t: TestApp;
  let app: Hono;
  let episode: { id: string; slug: string; title: string };
  let draft: { id: string; slug: string };
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`http://zender.test${path}`, { headers });

  beforeAll(async () => {
    t = await openTestApp(database);
    app = withWebRoutes(t);
    const show = await publishableShow(t, { slug: 'web-show', persons: [{ name: 'Fatima', role: 'host' }] });
    await updateShow(t.db.kysely, show.id, {
      extra: JSON.stringify({
        subscribe: { apple: 'https://podcasts.apple.com/nl/podcast/id1', spotify: 'javascript:alert(1)' },
      }),
    });
    episode = await publishedAudioEpisode(
      t,
      show.id,
      {
        title: HOSTILE_TITLE,
        summary: 'Over armoede.',
        description:
          '<p>Hallo <strong>gemeente</strong><script>alert(2)</script><img src=x onerror=alert(3)>' +
          '<a href="javascript:alert(4)">x</a> <a href="https://example.nl/">bron</a></p>',
        persons: [{ name: 'Jan "de" <Vries>', role: 'wethouder', img: 'https://tracker.example/jan.jpg' }],
      },
      { seconds: 6, chapters: '0:00 Intro\n0:03 Gesprek', transcriptVtt: cueEveryTwoSeconds(6) },
    );
    draft = await readyEpisode(t, show.id, { title: 'Nog geheim' });
  });
  afterAll(async () => t.close());

  it('serves the episode embed with strict headers, no cookies, and ETag with 304', async () => {
    const res = await get(`/embed/episodes/${episode.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'[^;]*;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain('frame-ancestors *');
    const html = await res.text();
    // The one inline style is allowed by its exact hash, nothing else inline.
    const style = /<style>([^<]*)<\/style>/.exec(html)![1];
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toMatch(/<script type="module" src="http:\/\/zender\.test\/assets\/player-[\w]+\.js"/);
    expect(html).toContain('role="slider"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('<p data-start="4" data-end="6">'); // a cue of the transcript panel

    const etag = res.headers.get('etag')!;
    const again = await get(`/embed/episodes/${episode.id}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(`/embed/episodes/${episode.id}?lang=en`, { 'if-none-match': etag })).status).toBe(200);
  });

  it('lets a show allowlist decide who may frame the player; pages only frame themselves', async () => {
    const show = await publishableShow(t, { slug: 'allowlist-show' });
    await updateShow(t.db.kysely, show.id, {
      extra: JSON.stringify({ embedAllowlist: ['https://www.gemeente.nl', 'not an origin'] }),
    });
    const own = await publishedAudioEpisode(t, show.id, { title: 'Alleen hier' }, { seconds: 2 });
    const csp = (await get(`/embed/episodes/${own.id}`)).headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'self' https://www.gemeente.nl");
    expect(csp).not.toContain('not an origin');
    const page = (await get('/shows/web-show')).headers.get('content-security-policy')!;
    expect(page).toContain("frame-ancestors 'self'");
  });

  it('escapes hostile text everywhere, JSON-LD included, and sanitizes show notes', async () => {
    const res = await get(`/shows/web-show/${episode.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('tracker.example'); // people's images would be third-party requests
    expect(html).toContain('<a href="https://example.nl/">bron</a>');
    expect(html).toContain('Jan &quot;de&quot; &lt;Vries&gt;');
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(ld).not.toMatch(/<|>|\u2028|\u2029/);
    const data = JSON.parse(ld);
    expect(data['@type']).toBe('PodcastEpisode');
    expect(data.name).toBe(HOSTILE_TITLE);
    expect(data.partOfSeries['@type']).toBe('PodcastSeries');
    expect(data.associatedMedia.contentUrl).toBe(`http://zender.test/media/web-show/${episode.slug}.mp3`);
    expect(html.match(/<script/g)).toHaveLength(2); // the player and the JSON-LD data block
  });

  it('speaks Dutch by default and English on request, starts at ?t=, and keeps ?color= AA', async () => {
    const nl = await (await get(`/embed/episodes/${episode.id}?t=0:04`)).text();
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('aria-label="Afspelen"');
    expect(nl).toContain('data-start="4"');
    const en = await (await get(`/embed/episodes/${episode.id}?lang=en&t=bogus`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('aria-label="Play"');
    expect(en).toContain('data-start="0"');

    const accents = async (color: string) => {
      const html = await (
        await get(`/embed/episodes/${episode.id}?color=${encodeURIComponent(color)}`)
      ).text();
      const match = /--zp-accent-light:(#[0-9a-f]{6});--zp-accent-dark:(#[0-9a-f]{6})/.exec(html)!;
      return { light: match[1], dark: match[2] };
    };
    for (const color of ['ffee00', '#0000ff', '333', 'ffffff', '000000']) {
      const { light, dark } = await accents(color);
      expect(contrastRatio(light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark, '#121212')).toBeGreaterThanOrEqual(4.5);
    }
    expect((await accents('0b5cad')).light).toBe('#0b5cad'); // already AA: untouched
    expect(await accents('red;}body{background:url(//evil)')).toEqual(await accents(''));
  });

  it('keeps drafts and unknown ids private', async () => {
    expect((await get(`/embed/episodes/${draft.id}`)).status).toBe(404);
    expect((await get(`/shows/web-show/${draft.slug}`)).status).toBe(404);
    expect((await get('/embed/episodes/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await get('/embed/episodes/..%2F..%2Fetc')).status).toBe(404);
    expect((await get('/shows/nope')).status).toBe(404);
    const page = await (await get('/shows/web-show')).text();
    expect(page).not.toContain('Nog geheim');
    const embed = await (await get('/embed/shows/web-show')).text();
    expect(embed).not.toContain('Nog geheim');
    expect(embed).toContain('class="zp-playlist"');
  });

  it('answers oEmbed in JSON and XML, honouring maxwidth and maxheight', async () => {
    const pageUrl = `http://zender.test/shows/web-show/${episode.slug}`;
    const res = await get(`/oembed?url=${encodeURIComponent(pageUrl)}&format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: HOSTILE_TITLE,
      provider_name: 'Kennisplatform',
      provider_url: 'http://zender.test',
      width: 640,
      // What the embed renders (tests/web-player-search-browser.test.ts measures it): 182 px of
      // player, a two-line title beside the artwork (68), chapters and transcript folded (53 each).
      height: 356,
      thumbnail_url: 'http://zender.test/media/web-show/artwork-600.jpg',
      thumbnail_width: 600,
    });
    expect(body.html).toContain(`src="http://zender.test/embed/episodes/${episode.id}"`);
    expect(body.html).not.toContain('</script>');
    expect(body.html).toContain('title="Wethouder &lt;/script&gt;');

    const small = await (
      await get(`/oembed?url=${encodeURIComponent(pageUrl)}&maxwidth=400&maxheight=150`)
    ).json();
    expect([small.width, small.height, small.thumbnail_width]).toEqual([400, 150, undefined]);
    expect(small.html).toContain('width="400" height="150"');

    const show = await (
      await get(`/oembed?url=${encodeURIComponent('http://zender.test/shows/web-show')}`)
    ).json();
    expect(show.html).toContain('src="http://zender.test/embed/shows/web-show"');
    // The newest episode's head (68) and its list of one two-line row (58) under 222 px of player.
    expect(show.height).toBe(348);
    expect(show.html).toContain('width="640" height="348"');
    const pageHtml = await (await get(`/shows/web-show/${episode.slug}`)).text();
    expect(pageHtml).toContain('<meta name="twitter:player:height" content="356"/>');

    const xml = await get(`/oembed?url=${encodeURIComponent(pageUrl)}&format=xml&maxwidth=300`);
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const text = await xml.text();
    expect(text).toContain('<type>rich</type>');
    expect(text).toContain('<width>300</width>');
    expect(text).toContain('<thumbnail_width>300</thumbnail_width>');
    expect(text).toContain('&lt;iframe src=');
    expect(text).not.toContain('<script');

    const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);
    expect((await oembed(`http://zender.test/shows/web-show/${draft.slug}`)).status).toBe(404);
    expect((await oembed('http://zender.test/shows/nope')).status).toBe(404);
    expect((await oembed(`https://evil.example/shows/web-show/${episode.slug}`)).status).toBe(404);
    expect((await oembed('not a url')).status).toBe(404);
    expect((await oembed(pageUrl, '&format=yaml')).status).toBe(501);
  });

  it('public pages carry subscribe links, people, discovery tags and JSON-LD', async () => {
    const show = await (await get('/shows/web-show')).text();
    expect(show).toContain('<link rel="canonical" href="http://zender.test/shows/web-show"/>');
    expect(show).toContain('type="application/rss+xml"');
    expect(show).toContain('href="http://zender.test/feeds/web-show.xml"');
    expect(show).toContain('<span>Luisteren in Apple Podcasts</span>');
    expect(show).not.toContain('Spotify'); // its link was not http(s)
    expect(show).toContain('Fatima');
    expect(show).toContain(
      `type="application/json+oembed" title="Mensenrechten dichtbij" href="http://zender.test/oembed?url=${encodeURIComponent('http://zender.test/shows/web-show')}&amp;format=json"`,
    );
    expect(show).toContain('<meta name="twitter:player" content="http://zender.test/embed/shows/web-show"/>');
    expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(show)![1])['@type']).toBe(
      'PodcastSeries',
    );

    const page = await (await get(`/shows/web-show/${episode.slug}`)).text();
    expect(page).toContain(
      `<meta name="twitter:player" content="http://zender.test/embed/episodes/${episode.id}"/>`,
    );
    expect(page).toContain('<meta name="twitter:card" content="player"/>');
    expect(page).toContain('<meta property="og:audio" content="http://zender.test/media/web-show/');
    expect(page).toContain('data-zp-transcript-for="zp-player"');
    expect(page).toContain('<p data-start="2" data-end="4">');
    expect(page).toContain('class="zp-chapter" data-t="3"');
    expect(page).toContain(`href="http://zender.test/media/web-show/${episode.slug}/transcript.nl.vtt"`);
  });

  it('serves the player assets hashed, compressed, immutable and under 30 KB gzipped with the page', async () => {
    const html = await (await get(`/embed/episodes/${episode.id}`)).text();
    const paths = [...html.matchAll(/(?:href|src)="http:\/\/zender\.test(\/assets\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(paths).toHaveLength(2);
    let total = gzipSync(html).length;
    for (const path of paths) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await get(path, { 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
      total += (await res.arrayBuffer()).byteLength;
    }
    expect(total).toBeLessThan(30 * 1024);
    expect((await get('/assets/player-unknown.js')).status).toBe(404);
  });

  it('sends an old show slug to the new one (once the show is announced)', async () => {
    const show = await publishableShow(t, { slug: 'oude-pagina' });
    const episode = await readyEpisode(t, show.id, { title: 'Aangekondigd' });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { slug: 'nieuwe-pagina' } });
    const res = await get('/shows/oude-pagina/iets');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/shows/nieuwe-pagina/iets');
  });
});
