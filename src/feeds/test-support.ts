/**
 * Fixtures and an XML well-formedness check for the feed tests (not used by the app).
 *
 * The check exists because neither rss-parser (sax) nor podcast-partytime (fast-xml-parser)
 * rejects characters XML 1.0 forbids, or `]]>` in text; Apple's parser does, so we test for it.
 */
import type { FeedEpisode, FeedShow } from './feed-input.js';

export function testShow(overrides: Partial<FeedShow> = {}): FeedShow {
  return {
    title: 'Mensenrechten dichtbij',
    description: '<p>Gesprekken met <strong>gemeenten</strong> over mensenrechten.</p>',
    link: 'https://zender.example/shows/mensenrechten-dichtbij',
    feedUrl: 'https://zender.example/feeds/mensenrechten-dichtbij.xml',
    language: 'nl',
    author: 'VNG en College voor de Rechten van de Mens',
    owner: { name: 'Redactie', email: 'podcast@zender.example' },
    categories: ['Government', 'Society & Culture/Documentary'],
    explicit: false,
    type: 'episodic',
    copyright: '© 2025 VNG',
    license: 'cc-by-4.0',
    locked: true,
    guid: '0b20eef2-824a-5f6a-bc6b-68f611056e0c',
    imageUrl: 'https://zender.example/media/mensenrechten-dichtbij/artwork.jpg',
    funding: [{ url: 'https://zender.example/steun', title: 'Steun ons' }],
    persons: [
      {
        name: 'Anne de Vries',
        role: 'host',
        img: 'https://zender.example/p/anne.jpg',
        href: 'https://vng.nl',
      },
    ],
    medium: 'podcast',
    txtVerify: ['S6lpp-7ZCn8-dZfGc-OoyaG'],
    updatedAt: new Date('2025-03-01T12:00:00Z'),
    ...overrides,
  };
}

export function testEpisode(n: number, overrides: Partial<FeedEpisode> = {}): FeedEpisode {
  const base = `https://zender.example/media/mensenrechten-dichtbij/aflevering-${n}`;
  return {
    guid: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Aflevering ${n}`,
    link: `https://zender.example/shows/mensenrechten-dichtbij/aflevering-${n}`,
    summary: `Samenvatting ${n}`,
    description: `<p>Beschrijving van aflevering ${n}.</p>`,
    publishedAt: new Date(Date.UTC(2025, 0, 1) + n * 86_400_000),
    enclosure: { url: `${base}.mp3`, type: 'audio/mpeg', length: 12_345_678 + n },
    durationSeconds: 1800 + n + 0.4,
    season: 1,
    number: n,
    type: 'full',
    explicit: false,
    transcripts: [],
    persons: [],
    soundbites: [],
    ...overrides,
  };
}

/** Code points XML 1.0 (production [2] Char) does not allow anywhere in a document. */
export const FORBIDDEN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const NAME = /^[A-Za-z_][\w.:-]*/;
const REFERENCE = /&(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);/y;

/** Each `&` must start a reference; `<` cannot appear in text or attribute values. */
function textProblems(text: string, where: string): string[] {
  if (text.includes('<')) return [`raw < in ${where}`];
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    if (!REFERENCE.test(text)) return [`bare & in ${where}`];
  }
  return [];
}

/**
 * Problems that make `xml` not well-formed XML 1.0, for the kind of document we write (elements,
 * attributes, text, CDATA and the declaration); an empty list means well-formed.
 */
export function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  if (FORBIDDEN_XML.test(xml)) problems.push('forbidden character');
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('no XML declaration');
  const stack: string[] = [];
  let roots = 0;
  let i = xml.indexOf('?>') + 2;
  while (i < xml.length && problems.length === 0) {
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end === -1) problems.push('unterminated CDATA');
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0] ?? '';
      if (stack.pop() !== name) problems.push(`mismatched </${name}>`);
      i = xml.indexOf('>', i) + 1;
    } else if (xml[i] === '<') {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) return [...problems, `bad tag at ${i}`];
      if (stack.length === 0) roots++;
      let j = i + 1 + name.length;
      const seen = new Set<string>();
      for (;;) {
        const attr = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(xml.slice(j, j + 10_000));
        if (!attr) break;
        if (seen.has(attr[1])) problems.push(`duplicate attribute ${attr[1]}`);
        seen.add(attr[1]);
        problems.push(...textProblems(attr[2], `attribute ${attr[1]}`));
        j += attr[0].length;
      }
      const close = /^\s*(\/?)>/.exec(xml.slice(j, j + 10));
      if (!close) return [...problems, `bad tag <${name}> at ${i}`];
      if (!close[1]) stack.push(name);
      i = j + close[0].length;
    } else {
      const end = xml.indexOf('<', i) === -1 ? xml.length : xml.indexOf('<', i);
      const text = xml.slice(i, end);
      if (text.includes(']]>')) problems.push(']]> in text');
      if (stack.length === 0 && text.trim()) problems.push('text outside the root');
      problems.push(...textProblems(text, 'text'));
      i = end;
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
