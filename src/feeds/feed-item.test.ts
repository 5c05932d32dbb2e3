import { type ItemOptions, Podcast } from 'podcast';
import { describe, expect, it } from 'vitest';
import { cleanHtml, htmlToText, textToHtml } from './clean-html.js';
import type { FeedEpisode } from './feed-input.js';
import { feedItem } from './feed-item.js';
import { rfc2822 } from './rfc2822.js';
import { testEpisode } from './test-support.js';
import { type XmlElement, xmlElement } from './xml-element.js';
import { xmlText } from './xml-text.js';

/**
 * The reference: the item as `podcast` writes it, from the options buildFeed gave it before items
 * were written directly. feedItem must produce the same bytes.
 */
function referenceItem(episode: FeedEpisode): string {
  const summary = episode.summary ? xmlText(episode.summary) : undefined;
  const description = episode.description
    ? cleanHtml(xmlText(episode.description))
    : summary
      ? textToHtml(summary)
      : undefined;
  const duration = Math.round(episode.durationSeconds);
  const title = xmlText(episode.title);
  const positive = (n: number | undefined) =>
    n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  const decimal = (n: number) => (Math.round(n * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  const custom: XmlElement[] = [];
  for (const t of episode.transcripts) {
    const rel =
      t.rel ??
      (['text/vtt', 'application/x-subrip', 'application/json'].includes(t.type) ? 'captions' : undefined);
    custom.push(xmlElement('podcast:transcript', { url: t.url, type: t.type, language: t.language, rel }));
  }
  if (episode.chaptersUrl) {
    custom.push(
      xmlElement('podcast:chapters', { url: episode.chaptersUrl, type: 'application/json+chapters' }),
    );
  }
  for (const s of episode.soundbites) {
    const attributes = { startTime: decimal(s.startSeconds), duration: decimal(s.durationSeconds) };
    custom.push(xmlElement('podcast:soundbite', attributes, s.title ?? ''));
  }
  if (episode.season !== undefined && Number.isInteger(episode.season)) {
    custom.push(xmlElement('podcast:season', {}, episode.season));
  }
  if (episode.number !== undefined && Number.isFinite(episode.number)) {
    custom.push(xmlElement('podcast:episode', {}, decimal(episode.number)));
  }
  for (const p of episode.persons.filter((person) => person.name.trim() !== '')) {
    custom.push(
      xmlElement('podcast:person', { role: p.role, group: p.group, img: p.img, href: p.href }, p.name),
    );
  }
  const options: ItemOptions = {
    title,
    description,
    url: xmlText(episode.link),
    guid: xmlText(episode.guid),
    date: rfc2822(episode.publishedAt),
    enclosure: {
      url: xmlText(episode.enclosure.url),
      type: xmlText(episode.enclosure.type),
      size: episode.enclosure.length,
    },
    itunesTitle: title,
    itunesSummary: summary ?? (description ? htmlToText(description) : undefined),
    itunesExplicit: episode.explicit,
    itunesDuration: duration > 0 ? String(duration) : undefined,
    itunesImage: episode.imageUrl ? xmlText(episode.imageUrl) : undefined,
    itunesSeason: positive(episode.season),
    itunesEpisode: positive(episode.number),
    itunesEpisodeType: episode.type,
    customElements: custom,
  };
  const feed = new Podcast({ namespaces: { iTunes: true, podcast: true, simpleChapters: false } });
  feed.addItem(options);
  const xml = feed.buildXml();
  return xml.slice(xml.indexOf('<item>'), xml.lastIndexOf('</item>') + '</item>'.length);
}

const HOSTILE = `]]> <script>alert("x")</script> <![CDATA[ x ]]> &amp; 'q' 👩‍👩‍👧 tab\there\r\nnl\r \u0000\u0001\uDC00\uFFFE\uD800 eind ]]>`;
const HOSTILE_URL = `https://zender.example/?a=1&b="2"&c=<3>'\u0001\t\n`;

const cases: Record<string, FeedEpisode> = {
  plain: testEpisode(1),
  everything: testEpisode(2, {
    explicit: true,
    type: 'trailer',
    imageUrl: 'https://zender.example/2.jpg',
    chaptersUrl: 'https://zender.example/2/chapters.json',
    transcripts: [
      { url: 'https://zender.example/2.vtt', type: 'text/vtt', language: 'nl' },
      { url: 'https://zender.example/2.html', type: 'text/html', language: 'nl' },
      { url: '', type: 'text/plain', language: '' },
    ],
    soundbites: [
      { startSeconds: 1.23456, durationSeconds: 0.1 + 0.2, title: 'Kern' },
      { startSeconds: 0, durationSeconds: 30 },
    ],
    persons: [
      {
        name: 'Anne',
        role: 'host',
        group: 'cast',
        img: 'https://zender.example/a.jpg',
        href: 'https://vng.nl',
      },
      { name: '  ', role: 'guest' },
      { name: 'Jan', role: '' },
    ],
  }),
  hostile: testEpisode(3, {
    guid: HOSTILE,
    title: HOSTILE,
    summary: HOSTILE,
    description: `<p>${HOSTILE}</p><a href="javascript:alert(1)">klik</a>`,
    link: HOSTILE_URL,
    imageUrl: HOSTILE_URL,
    enclosure: { url: HOSTILE_URL, type: 'audio/mpeg"<', length: 5 },
    chaptersUrl: HOSTILE_URL,
    soundbites: [{ startSeconds: 1, durationSeconds: 2, title: HOSTILE }],
    persons: [{ name: HOSTILE, role: 'guest', href: HOSTILE_URL }],
  }),
  'empty text': testEpisode(4, { title: '', summary: '', description: '', link: '', guid: '' }),
  'only forbidden characters': testEpisode(5, {
    title: '\u0001',
    summary: '\u0002',
    description: '\u0003',
    guid: '',
    link: 'l',
  }),
  'no summary': testEpisode(6, { summary: undefined, description: '<p>Tom &amp; Jerry</p><p>deel<br>2</p>' }),
  'summary only': testEpisode(7, { description: undefined, summary: 'a < b & ]]>' }),
  'odd numbers': testEpisode(8, { durationSeconds: 0.4, season: 0, number: -1, type: 'bonus' }),
  'decimal numbers': testEpisode(9, { durationSeconds: Number.NaN, season: 1.5, number: 2.5 }),
  'no enclosure url': testEpisode(10, { enclosure: { url: '', type: 'audio/mpeg', length: 1 } }),
  'zero length': testEpisode(11, {
    enclosure: { url: 'https://zender.example/11.mp3', type: 'audio/mpeg', length: 0 },
  }),
};

describe('feedItem', () => {
  for (const [name, episode] of Object.entries(cases)) {
    it(`writes the bytes podcast writes: ${name}`, () => {
      expect(feedItem(episode)).toBe(referenceItem(episode));
    });
  }

  it('leaves out an enclosure type it was not given, where rss would guess one', () => {
    const episode = testEpisode(12, {
      enclosure: { url: 'https://zender.example/12.mp3', type: '\u0001', length: 7 },
    });
    expect(feedItem(episode)).toContain('<enclosure url="https://zender.example/12.mp3" length="7"/>');
  });
});
