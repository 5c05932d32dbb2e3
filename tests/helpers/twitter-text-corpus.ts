/**
 * The texts weighted-length.test.ts measures with zender and with twitter-text itself: plain
 * ASCII, Dutch, other scripts, emoji, URLs, entities, hostile input, and 300 seeded random
 * combinations of those pieces.
 */
export const family = '👩‍👩‍👧‍👦';

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

export const tweetCorpus = [
  ...ascii,
  ...dutch,
  ...scripts,
  ...emoji,
  ...urls,
  ...entities,
  ...hostile,
  ...combinations,
];
