import { describe, expect, it } from 'vitest';
import { askTwitterText } from '../../tests/helpers/twitter-text-oracle.js';

// Everything a core-js polyfill would replace; captured before our modules load.
const globalsBefore = {
  replace: RegExp.prototype[Symbol.replace],
  match: RegExp.prototype[Symbol.match],
  split: RegExp.prototype[Symbol.split],
  exec: RegExp.prototype.exec,
  stringReplace: String.prototype.replace,
  symbol: Symbol,
  regExp: RegExp,
  promise: Promise,
  globalNames: Object.getOwnPropertyNames(globalThis).sort(),
  regExpNames: Object.getOwnPropertyNames(RegExp.prototype).sort(),
  // V8 keeps regexes on its fast path only while RegExp, its prototype and its species are
  // untouched; core-js 2 redefines RegExp[Symbol.species] among others.
  builtIns: builtIns().map(members),
};

function builtIns(): object[] {
  return [
    RegExp,
    RegExp.prototype,
    String,
    String.prototype,
    Symbol,
    Symbol.prototype,
    Array,
    Array.prototype,
  ].concat([Object, Object.prototype, Function.prototype, Promise, Promise.prototype, Number, Math, JSON]);
}

/** Every own property (symbols too) with its value or accessors, to compare by identity. */
function members(target: object): unknown[][] {
  return Reflect.ownKeys(target).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    return [key, descriptor?.value, descriptor?.get, descriptor?.set];
  });
}
const { weightedLength } = await import('./weighted-length.js');
const { extractTweetUrls } = await import('./tweet-urls.js');
const { extractTweetCashtags, extractTweetEntities, extractTweetHashtags, extractTweetMentions } =
  await import('./tweet-entities.js');

const family = '👩‍👩‍👧‍👦';

const ascii = [
  'Hallo',
  'a',
  ' ',
  '',
  'Nieuwe aflevering van Mensenrechten Dichtbij!',
  'x'.repeat(280),
  'x'.repeat(281),
  `${'y'.repeat(279)} `,
  'Tabs\tand\nnewlines\r\nand   spaces',
  'Punctuation: !?.,;:()[]{}<>"\'`~^&*%$#@',
  'email jan@example.nl is not a link',
];
const dutch = [
  'Ĳsselmeer, ĳs en één café',
  'Zo’n “goede” week — of niet…',
  'e\u0301e\u0301n (decomposed, NFC makes it één)',
  'Geïnteresseerd in coördinatie? Reünie in België',
  `Ä${'e\u0308'.repeat(140)}`,
  '‘Wonen is een recht’, zegt de wethouder – 30 min.',
];
const scripts = [
  '日本語のテキスト',
  '中文测试，中文测试。',
  '한국어 텍스트',
  'مرحبا بالعالم',
  'שלום עולם',
  'Привет, мир',
  'Γειά σου Κόσμε',
  'नमस्ते दुनिया',
  'สวัสดีชาวโลก',
  'ᄀᄁᄂ ᅡ ᇿ ሀ', // around the 4351 boundary
  '\u2000\u200d\u200e\u2010\u201f\u2020\u2032\u2037\u2038', // the small ranges and their edges
  '日'.repeat(140),
  '日'.repeat(141),
  'Z̷̢̛a̴̡l̶̨g̵o̸',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟘𝟙',
];
const emoji = [
  '😀',
  family,
  '👨‍👩‍👧',
  '👩‍❤️‍👩',
  '👨‍❤️‍👨',
  '🏳️‍🌈',
  '🏴‍☠️',
  '🇳🇱',
  '🇳🇱🇧🇪🇪🇺🇺🇳',
  '🇳',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  '1️⃣',
  '1⃣',
  '#️⃣ *️⃣ 0️⃣',
  '👍🏽',
  '👋🏻👋🏼👋🏽👋🏾👋🏿',
  '🤷🏻‍♀️',
  '🏃🏾‍♂️',
  '🎙️',
  '🎙',
  '🎙️ Nieuwe aflevering',
  '❤',
  '❤️',
  '❤︎',
  '☺',
  '☺️',
  '©',
  '©️',
  '®',
  '®️',
  '™',
  '™️',
  '‼️',
  '↔️',
  '⌚',
  '🏻',
  '😀\u0301',
  'a\u200d😀',
  '🫠',
  '🥰🤩🥳',
  `${family}${family}${family}`,
  '🎙️'.repeat(140),
  '🎙️'.repeat(141),
];
const urls = [
  'https://example.org',
  'http://example.org',
  'HTTPS://EXAMPLE.ORG/PAD',
  'https://zender.example/shows/mensenrechten/afleveringen/wonen-is-een-recht?utm_source=x&utm_medium=social',
  `https://example.org/${'pad/'.repeat(60)}eind`,
  `https://example.org/${'a'.repeat(5000)}`,
  `https://${'a'.repeat(63)}.nl`,
  `https://${'a'.repeat(64)}.nl`,
  'vng.nl',
  'vng.nl/nieuws?id=3',
  'www.rijksoverheid.nl/onderwerpen',
  'example.invalidtld',
  'zender.example/x',
  'https://zender.example/x',
  'Zie vng.nl, rijksoverheid.nl en europa.eu.',
  'https://nl.wikipedia.org/wiki/Recht_(mensenrecht)',
  '(https://example.org/a)',
  'https://example.org/a).',
  'https://example.org:8443/pad',
  'https://example.org/?q=1&r=2#frag',
  'https://example.org/pad?q=',
  'https://t.co/abc123',
  'https://t.co/abc123/extra',
  `https://t.co/${'a'.repeat(41)}`,
  'http://bücher.de/ü',
  'münchen.de/x',
  'http://xn--bcher-kva.de/pad',
  'xn--bcher-kva.de',
  'https://例え.テスト',
  'https://例え.jp/パス',
  'http://россия.рф',
  'http://москва.рф и сайт.рус',
  'http://中国.中国',
  'a.b.c.d.example.com/x',
  'https://user@example.org',
  'https://example.org/@user/',
  'foo.com_bar',
  '-vng.nl _vng.nl .vng.nl /vng.nl',
  'abcvng.nl',
  '@vng.nl #vng.nl $vng.nl',
  'https://example.org/🎙️',
  '🎙️https://example.org',
  '日本https://example.org日本',
  'http://example.org\uFEFF',
  'https://a.nl https://b.nl https://c.nl https://d.nl https://e.nl https://f.nl https://g.nl https://h.nl https://i.nl https://j.nl https://k.nl https://l.nl',
  'http://example.co.uk/x',
  'ftp://example.org',
  'https://',
  'http://localhost:3000/x',
  'http://127.0.0.1/x',
];
const entities = [
  '#podcast #mensenrechten',
  '#Ĳsselmeer #日本 #2024',
  '@zender en @vng_nl',
  '$ABC cashtag',
  'Luister #podcast https://example.org @vng',
  '#️⃣ #1 #123 #_ #a1 #tag_met_underscore a#b &#tag #tag#tag #tag://x ＃volbreed',
  '#tag🎙️ #🎙️ #日本語 #مرحبا #Ĳs #e\u0301n #ab\u200cc',
  'https://vng.nl/#anker en vng.nl/#anker',
  `RT @zender: dank! @vng/lijst-naam @a@b @jan.jansen jan@vng.nl @${'x'.repeat(21)}`,
  '@zenderé @zender:// ＠breed',
  '$AAPL $aapl.b $ABCDEFG $A_BC x$ABC ($ABC) $1',
];
const hostile = [
  ']]>',
  'Titel ]]> met CDATA-einde',
  '<script>alert(1)</script>',
  '\u0000\u0001\u0007\u001b\u007f',
  'A\u0000B',
  '\uFFFE',
  'ok\uFEFF',
  '\uFFFF',
  '\uD800',
  '\uDC00x',
  'a\uD83D',
  '\u202E reversed \u202C',
  '\u2028\u2029',
  '&amp; &lt; &#x1F600;',
];

const fragments = [
  ...ascii.slice(0, 5),
  ...dutch,
  ...scripts.slice(0, 11),
  ...emoji.slice(0, 40),
  ...urls.slice(8, 30),
  ...entities,
];
const separators = ['', ' ', ' ', '\n', ', ', '.', '/', '-', '_', '(', ')', '@', '#', '—'];

/** A seeded PRNG (mulberry32): the same "random" cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(12);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
// Two emoji glued together can make a sequence no Unicode version defines (👨‍❤️‍👨 + 🏻, 🇳 + 🇳🇱):
// those are a documented difference below, so a space keeps glued emoji apart here.
const endsInEmoji = /[\p{Extended_Pictographic}\p{Emoji_Component}]$/u;
const startsEmoji =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3)/u;
const combinations = Array.from({ length: 300 }, () => {
  let text = '';
  for (let count = 1 + Math.floor(next() * 8); count > 0; count--) {
    const fragment = pick(fragments);
    const separator = pick(separators);
    text +=
      (separator === '' && endsInEmoji.test(text) && startsEmoji.test(fragment) ? ' ' : separator) + fragment;
  }
  return text;
});

const cases = [...ascii, ...dutch, ...scripts, ...emoji, ...urls, ...entities, ...hostile, ...combinations];
const answers = askTwitterText(cases);

describe('weightedLength and the entity finders match twitter-text (run in a child process)', () => {
  it(`covers ${cases.length} texts`, () => {
    expect(cases.length).toBeGreaterThan(400);
    // The oracle is alive and really measures: these are twitter-text's answers.
    expect(answers[cases.indexOf('x'.repeat(281))]).toMatchObject({ weightedLength: 281, valid: false });
    expect(answers[cases.indexOf(family)].weightedLength).toBe(2);
  });

  it.each(cases.map((text, i) => [JSON.stringify(text).slice(0, 120), i] as const))('%s', (_, i) => {
    const text = cases[i];
    const { weightedLength: length, valid } = answers[i];
    expect(weightedLength(text)).toEqual({ weightedLength: length, valid });
    expect(extractTweetUrls(text)).toEqual(answers[i].urls);
    expect(extractTweetUrls(text, { extractUrlsWithoutProtocol: false })).toEqual(answers[i].schemeUrls);
    expect(extractTweetHashtags(text)).toEqual(answers[i].hashtags);
    expect(extractTweetMentions(text)).toEqual(answers[i].mentions);
    expect(extractTweetCashtags(text)).toEqual(answers[i].cashtags);
    expect(extractTweetEntities(text)).toEqual(answers[i].entities);
  });
});

/**
 * twitter-text 3.1 finds emoji with twemoji-parser 11's fixed list (Unicode 11). X itself counts
 * every emoji as 2; zender follows Unicode's properties, so for sequences newer than that list,
 * or sequences no Unicode version defines, the two differ. These are the only known differences.
 */
describe('weightedLength where twitter-text 3.1 is out of date', () => {
  const newer: Array<[string, number, number]> = [
    // text, zender, twitter-text 3.1
    ['🧑🏽‍💻', 2, 5], // Unicode 12.1: twemoji-parser 11 sees 🧑🏽 and 💻 apart
    ['👁️‍🗨️', 2, 5], // not in twemoji-parser 11's list
    ['🧔‍♂️', 2, 5], // Unicode 13.0
    ['🐦‍🔥', 2, 5], // Unicode 15.1
    ['👨‍❤️‍👨🏻', 2, 4], // no such emoji: a couple, then a lone skin tone
    ['🇦🇦', 2, 4], // two regional indicators that are no country
  ];
  it.each(newer)('%s counts %i (twitter-text 3.1: %i)', (text, ours, theirs) => {
    expect(weightedLength(text).weightedLength).toBe(ours);
    expect(askTwitterText([text])[0].weightedLength).toBe(theirs);
  });
});

describe('weightedLength', () => {
  it('weighs as X documents: a URL 23, CJK and emoji 2, Latin 1', () => {
    expect(weightedLength(`a https://example.org/${'x'.repeat(100)}`)).toEqual({
      weightedLength: 25,
      valid: true,
    });
    expect(weightedLength('日本').weightedLength).toBe(4);
    expect(weightedLength(`${family}🇳🇱🎙️`).weightedLength).toBe(6);
    expect(weightedLength('').valid).toBe(false);
  });

  it('changes no global when imported, nor does the whole drafting path', async () => {
    const { buildDrafts } = await import('./build-drafts.js');
    const drafts = buildDrafts({
      show: { slug: 'proef', title: 'Proef', hashtags: ['podcast'] },
      episode: {
        title: 'Wonen is een recht 🎙️',
        summary: 'Zie vng.nl #wonen @vng',
        pageUrl: 'https://zender.example/a',
      },
    });
    expect(drafts.find((draft) => draft.channel === 'x')?.length).toBeGreaterThan(23);
    expect(RegExp.prototype[Symbol.replace]).toBe(globalsBefore.replace);
    expect(RegExp.prototype[Symbol.match]).toBe(globalsBefore.match);
    expect(RegExp.prototype[Symbol.split]).toBe(globalsBefore.split);
    expect(RegExp.prototype.exec).toBe(globalsBefore.exec);
    expect(String.prototype.replace).toBe(globalsBefore.stringReplace);
    expect(Symbol).toBe(globalsBefore.symbol);
    expect(RegExp).toBe(globalsBefore.regExp);
    expect(Promise).toBe(globalsBefore.promise);
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore.globalNames);
    expect(Object.getOwnPropertyNames(RegExp.prototype).sort()).toEqual(globalsBefore.regExpNames);
    expect(builtIns().map(members)).toEqual(globalsBefore.builtIns);
  });
});
