/**
 * Hostile text in, the same text out: the feed is parsed back with two independent parsers,
 * rss-parser (xml2js/sax) and podcast-partytime (fast-xml-parser), and checked for well-formedness.
 */
import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildFeed } from './build-feed.js';
import { cleanHtml } from './clean-html.js';
import { testEpisode, testShow, wellFormedProblems } from './test-support.js';

const PARTS = [
  ']]> opent met het einde van CDATA',
  '<script>alert("x")</script>',
  '<![CDATA[ nep ]]>',
  '&amp; is letterlijk, &lt;b&gt; ook',
  'Jansen & Zn, 3 < 4 > 2',
  `"dubbel" 'enkel' “krul” ‘krul’`,
  '👩‍👩‍👧‍👦 en 🏳️‍🌈 (ZWJ-reeksen)',
  'مرحبا بالعالم \u202Eesrever\u202C en עברית',
  'tab\there, regel\r\nnieuw',
  'eindigt met ]]>',
];
/** Every character XML 1.0 forbids that a form or paste can produce, including two lone surrogates. */
const FORBIDDEN = '\u0000\u0001\u0008\u000B\u000C\u001F\uDC00\uFFFE\uFFFF\uD800\u0007';
const HOSTILE = PARTS.join(` ${FORBIDDEN}`);
/** What must come back: the forbidden characters gone, CRLF as LF (as any XML parser reports it). */
const EXPECTED = PARTS.join(' ').replace('\r\n', '\n');
const HOSTILE_URL = 'https://zender.example/?a=1&b="2"&c=<3>\u0001';
const EXPECTED_URL = 'https://zender.example/?a=1&b="2"&c=<3>';

const show = testShow({
  title: HOSTILE,
  description: `<p>${HOSTILE}</p>`,
  author: HOSTILE,
  owner: { name: HOSTILE, email: 'podcast@zender.example' },
  copyright: HOSTILE,
  funding: [{ url: HOSTILE_URL, title: HOSTILE }],
  persons: [{ name: HOSTILE, role: 'host', href: HOSTILE_URL }],
});
const episode = testEpisode(1, {
  guid: `tag:zender.example,2025:${HOSTILE}`,
  title: HOSTILE,
  summary: HOSTILE,
  description: `<p>${HOSTILE}</p><a href="javascript:alert(1)">klik</a>`,
  link: HOSTILE_URL,
  type: 'trailer',
  soundbites: [{ startSeconds: 1, durationSeconds: 30, title: HOSTILE }],
  persons: [{ name: HOSTILE, role: 'guest' }],
});
const xml = buildFeed(show, [episode]);

type RawElement = { _?: string; $?: Record<string, string> } | string;
const text = (element: RawElement) => (typeof element === 'string' ? element : (element._ ?? ''));

/** podcast-partytime runs he.decode over text that fast-xml-parser already decoded: one extra decode. */
const decodedAgain = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** …and for titles, descriptions, copyright and the channel summary it folds line ends and runs of spaces. */
const folded = (s: string) => s.replace(/\r\n|\n|\r/g, ' ').replace(/\s{2,}/g, ' ');

describe('buildFeed with hostile text', () => {
  it('writes well-formed XML 1.0', () => {
    expect(wellFormedProblems(xml)).toEqual([]);
  });

  it('uses a well-formedness check that catches what the parsers let through', () => {
    const ok =
      '<?xml version="1.0" encoding="UTF-8"?><rss><a b="1">tekst &amp; <![CDATA[ ]]]]><![CDATA[>]]></a></rss>';
    expect(wellFormedProblems(ok)).toEqual([]);
    expect(wellFormedProblems(ok.replace('tekst', 'tekst\u0001'))).toContain('forbidden character');
    expect(wellFormedProblems(ok.replace('tekst', 'tekst ]]>'))).toContain(']]> in text');
    expect(wellFormedProblems(ok.replace('&amp;', '&'))).toContain('bare & in text');
    expect(wellFormedProblems(ok.replace('b="1"', 'b="<"'))).toContain('raw < in attribute b');
    expect(wellFormedProblems(ok.replace('</a>', '</b>'))).toContain('mismatched </b>');
  });

  it('carries titles as plain text but cleans the HTML of descriptions', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0].title).toContain('<script>alert("x")</script>');
    expect(feed.description).not.toContain('<script');
    expect(feed.items[0].content).not.toContain('<script');
    expect(feed.items[0].content).not.toContain('javascript:');
    expect(feed.items[0].content).toContain('&amp; is letterlijk, &lt;b&gt; ook');
  });

  it('keeps ]]> from breaking out of CDATA by splitting the section', () => {
    expect(xml).toContain('<title><![CDATA[]]]]><![CDATA[> opent met');
  });

  it('reads back as written with rss-parser', async () => {
    const parser = new Parser<Record<string, any>, Record<string, any>>({
      customFields: {
        // rss-parser's types allow only names for feed fields; at run time it takes the same tuples as for items.
        feed: [['podcast:funding', 'funding', { keepArray: true }]] as unknown as string[],
        item: [
          ['itunes:title', 'itunesTitle', { keepArray: true }],
          ['podcast:soundbite', 'soundbites', { keepArray: true }],
          ['podcast:person', 'persons', { keepArray: true }],
        ],
      },
    });
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(EXPECTED);
    expect(feed.description).toBe(cleanHtml(`<p>${EXPECTED}</p>`));
    expect(feed.copyright).toBe(EXPECTED);
    expect(feed.itunes?.author).toBe(EXPECTED);
    expect(feed.itunes?.owner?.name).toBe(EXPECTED);
    expect(feed.image?.title).toBe(EXPECTED);
    expect(text(feed.funding[0])).toBe(EXPECTED);

    const [item] = feed.items;
    expect(item.title).toBe(EXPECTED);
    expect(text(item.itunesTitle[0])).toBe(EXPECTED);
    expect(item.itunes.summary).toBe(EXPECTED);
    expect(item.guid).toBe(`tag:zender.example,2025:${EXPECTED}`);
    expect(item.link).toBe(EXPECTED_URL);
    expect(item.content).toBe(cleanHtml(`<p>${EXPECTED}</p><a>klik</a>`));
    expect(text(item.soundbites[0])).toBe(EXPECTED);
    expect(text(item.persons[0])).toBe(EXPECTED);
  });

  it('reads back as written with podcast-partytime (allowing for its own decoding and folding)', () => {
    const feed = parseFeed(xml);
    if (!feed) throw new Error('podcast-partytime rejected the feed');
    expect(feed.title).toBe(folded(decodedAgain(EXPECTED)));
    expect(feed.description).toBe(folded(decodedAgain(cleanHtml(`<p>${EXPECTED}</p>`))));
    expect(feed.copyright).toBe(folded(decodedAgain(EXPECTED)));
    expect(feed.author).toBe(decodedAgain(EXPECTED));
    expect(feed.owner?.name).toBe(decodedAgain(EXPECTED));
    expect(feed.image?.title).toBe(decodedAgain(EXPECTED));
    expect(feed.podcastFunding?.[0]).toEqual({ url: EXPECTED_URL, message: decodedAgain(EXPECTED) });
    expect(feed.podcastPeople?.[0]).toMatchObject({ name: decodedAgain(EXPECTED), href: EXPECTED_URL });
    // Its Phase3Trailer type lacks `title`, which it does return.
    expect((feed.trailers?.[0] as { title?: string } | undefined)?.title).toBe(decodedAgain(EXPECTED));

    const [item] = feed.items;
    expect(item.title).toBe(folded(decodedAgain(EXPECTED)));
    expect(item.summary).toBe(decodedAgain(EXPECTED));
    expect(item.description).toBe(folded(decodedAgain(cleanHtml(`<p>${EXPECTED}</p><a>klik</a>`))));
    expect(item.podcastSoundbites?.[0].title).toBe(decodedAgain(EXPECTED));
    expect(item.podcastPeople?.[0].name).toBe(decodedAgain(EXPECTED));
  });

  it("writes the show's lastBuildDate, whatever markup-like text the title holds", () => {
    const tricky = testShow({
      title: '<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>',
      updatedAt: new Date('2025-03-01T12:00:00Z'),
    });
    const out = buildFeed(tricky, []);
    expect(out).toContain('<title><![CDATA[<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>]]>');
    expect(out).toContain('</generator><lastBuildDate>Sat, 01 Mar 2025 12:00:00 GMT</lastBuildDate>');
  });
});
