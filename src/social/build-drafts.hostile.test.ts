import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { addUtm } from './add-utm.js';
import { type BuildDraftsInput, buildDrafts } from './build-drafts.js';
import { channelRules, channels } from './channels.js';
import { cleanText } from './clean-text.js';
import { fitsLimit, measureLength } from './measure-length.js';
import { normalizeHashtags } from './normalize-hashtags.js';
import { builtInTemplates, linkInBio } from './templates.js';

/*
 * Hostile episode data, run through every channel in both languages. Each draft is checked
 * by the platform's own counting and for what shortening must never do: break the link, a
 * URL from the summary, a hashtag or a grapheme.
 */

const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });
const graphemes = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
const family = '👩‍👩‍👧‍👦';
const long = (unit: string) => unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);

interface Case {
  name: string;
  title: string;
  summary: string;
  show?: string;
  guests?: BuildDraftsInput['episode']['guests'];
  hashtags?: string[];
}

const cases: Case[] = [
  {
    name: 'emoji ZWJ sequences, skin tones and flags',
    title: `${family} Gezinnen 🇳🇱🇪🇺🇺🇦 en 🏳️‍🌈 rechten 👍🏽 `.repeat(8),
    summary: long(`${family}${family} familie 🇳🇱 🏳️‍⚧️ 🧑🏽‍🦯 en 1️⃣ keycap `),
    guests: [{ name: `${family} Anna 🇳🇱`, role: '👩🏽‍⚖️ rechter' }],
  },
  {
    name: 'CJK without spaces',
    title: long('人権と地方自治体についての話です。'),
    summary: long('日本語のテキストは単語の間に空白がありません。한국어 텍스트도 있습니다'),
    guests: [{ name: '山田太郎', role: '市長', organisation: '東京都' }],
    hashtags: ['人権', '#한국'],
  },
  {
    name: 'RTL Arabic and Hebrew',
    title: 'حقوق الإنسان في البلديات: מה עושה העירייה? '.repeat(10),
    summary: long('حقوق الإنسان في البلديات هي مسؤولية مشتركة. זכויות אדם ברשויות המקומיות. '),
    guests: [{ name: 'فاطمة العمراني', organisation: 'מוסד לזכויות אדם' }],
  },
  {
    name: 'combining marks',
    title: 'Z̷̢̛a̴̡l̶̨g̵o̸ t̷e̶x̴t̵ '.repeat(40),
    summary: long(`a${'\u0301\u0316\u0327'.repeat(6)}b̷̨ c̶͎ `),
    show: 'Ţ̶ë̷s̴t̵ ş̶h̷o̴w̵',
  },
  {
    name: 'Dutch ij and diacritics',
    title: 'IJsselmonde, Ĳmuiden en de reünie van coöperaties in één café '.repeat(6),
    summary: long('Zeeën, ruïnes, geëmigreerde ĳverige bewoners en e\u0301e\u0301n gesprek over rechten. '),
    guests: [{ name: 'Ĳsbrand van der Ĳssel', role: 'wethouder', organisation: 'gemeente Ĳsselstein' }],
    hashtags: ['Ĳsselmonde', 'coöperatie'],
  },
  {
    name: 'very long words and text',
    title: 'a'.repeat(5000),
    summary: 'b'.repeat(5000),
    show: 'c'.repeat(5000),
    guests: [{ name: 'd'.repeat(5000), role: 'e'.repeat(5000) }],
  },
  {
    name: 'URLs with parentheses',
    title: 'Zie https://nl.wikipedia.org/wiki/Mensenrechten_(begrip) en (vng.nl)',
    summary: long(
      'Lees (https://nl.wikipedia.org/wiki/Recht_op_huisvesting_(mensenrecht)) en https://example.org/a_(b)_c?x=(1) of www.mensenrechten.nl. ',
    ),
  },
  {
    name: 'controls, bidi overrides and broken surrogates',
    title: 'Titel \u202emet omgekeerde tekst\u202c en \ufeffBOM\u0000 en \ud800 kapot',
    summary: long('Regel een\r\nregel twee\ttab \u2066isolaat\u2069 \u200fRLM\u200e. '),
  },
  {
    name: 'many guests and odd hashtags',
    title: 'Een ronde tafel',
    summary: 'Met heel veel gasten.',
    guests: Array.from({ length: 30 }, (_, i) => ({
      name: `Gast Nummer ${i + 1}`,
      role: 'wethouder sociaal domein',
      organisation: `gemeente ${'Noord'.repeat(3)}-${i}`,
    })),
    hashtags: [
      '#',
      '2025',
      'mensen rechten',
      '#gemeenten',
      'GEMEENTEN',
      `x${'y'.repeat(80)}`,
      '#a-b',
      '日本',
    ],
  },
];

function inputFor(c: Case, language: string): BuildDraftsInput {
  return {
    show: {
      slug: 'mensenrechten-dichtbij',
      title: c.show ?? 'Mensenrechten Dichtbij',
      language,
      hashtags: c.hashtags ?? ['mensenrechten', 'gemeenten', 'ombudsman'],
      channels: [...channels],
    },
    episode: {
      title: c.title,
      summary: c.summary,
      pageUrl: 'https://zender.example.nl/shows/mensenrechten-dichtbij/aflevering-1',
      durationSeconds: 3725,
      guests: c.guests ?? [{ name: 'Jan Jansen', role: 'wethouder', organisation: 'gemeente Utrecht' }],
    },
  };
}

/** Every grapheme a correct draft can contain: whole ones from the input, templates and extras. */
function allowedGraphemes(input: BuildDraftsInput): Set<string> {
  const sources = [
    input.show.title,
    input.episode.title,
    input.episode.summary ?? '',
    ...(input.episode.guests ?? []).flatMap((g) => [g.name, g.role ?? '', g.organisation ?? '']),
    ...Object.values(builtInTemplates.nl),
    ...Object.values(builtInTemplates.en),
    ...Object.values(linkInBio),
    ...channels.map((channel) => addUtm(input.episode.pageUrl, channel, input.show.slug)),
    ...normalizeHashtags(input.show.hashtags),
    '…, () # en anderen and others 1 uur 2 min h 0123456789',
  ].map((text) => cleanText(text));
  return new Set(sources.flatMap(graphemes).concat(['\n', ' ']));
}

describe.each(['nl', 'en'])('hostile drafts (%s)', (language) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s stays within every limit, whole', (_, c) => {
    const input = inputFor(c, language);
    const drafts = buildDrafts(input);
    expect(drafts.map((d) => d.channel)).toEqual([...channels]);
    const inputTags = new Set([
      ...normalizeHashtags(input.show.hashtags),
      ...twitterText.extractHashtags(cleanText(c.title)),
      ...twitterText.extractHashtags(cleanText(c.summary)),
    ]);
    const inputUrls = new Set([
      ...twitterText.extractUrls(cleanText(c.title)),
      ...twitterText.extractUrls(cleanText(c.summary)),
    ]);

    const allowed = allowedGraphemes(input);

    for (const draft of drafts) {
      const { channel, text } = draft;
      const where = `${channel}: ${JSON.stringify(text.slice(0, 80))}`;
      expect(draft.limit, where).toBe(channelRules[channel].limit);
      expect(draft.length, where).toBe(measureLength(channel, text));
      expect(draft.length, where).toBeLessThanOrEqual(draft.limit);
      expect(fitsLimit(channel, text), where).toBe(true);
      expect(text.trim().length, where).toBeGreaterThan(0);
      expect(text, where).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069\ufeff]/);

      if (channel === 'x') {
        const parsed = twitterText.parseTweet(text);
        expect(parsed.weightedLength, where).toBeLessThanOrEqual(280);
        expect(parsed.valid, where).toBe(true);
      }
      if (channel === 'bluesky') {
        expect(graphemes(text).length, where).toBeLessThanOrEqual(300);
        expect(new TextEncoder().encode(text).length, where).toBeLessThanOrEqual(3000);
      }
      if (channel === 'mastodon') {
        const countable = text.replace(/https?:\/\/\S+/g, (url) =>
          twitterText.extractUrls(url).length > 0 ? 'x'.repeat(23) : url,
        );
        expect([...countable].length, where).toBeLessThanOrEqual(500);
      }

      if (channelRules[channel].clickableLinks) {
        expect(text, where).toContain(draft.link);
      } else {
        expect(text, where).not.toMatch(/https?:\/\//);
      }
      for (const url of twitterText.extractUrls(text)) {
        expect(url === draft.link || inputUrls.has(url), `${where} has a broken URL ${url}`).toBe(true);
      }
      for (const tag of twitterText.extractHashtags(text)) {
        expect(inputTags.has(tag), `${where} has a broken hashtag #${tag}`).toBe(true);
      }
      for (const grapheme of graphemes(text)) {
        expect(allowed.has(grapheme), `${where} split a grapheme: ${JSON.stringify(grapheme)}`).toBe(true);
      }
      if (channel === 'bluesky') {
        const bytes = new TextEncoder().encode(text);
        const decode = (start: number, end: number) => new TextDecoder().decode(bytes.slice(start, end));
        const links = draft.facets?.filter((f) => f.features[0].$type === 'app.bsky.richtext.facet#link');
        expect(links?.length, where).toBeGreaterThan(0);
        for (const { index, features } of draft.facets ?? []) {
          const feature = features[0];
          const covered = decode(index.byteStart, index.byteEnd);
          expect(covered).toBe('uri' in feature ? feature.uri : `#${feature.tag}`);
        }
      } else {
        expect(draft.facets).toBeUndefined();
      }
    }
  });
});
