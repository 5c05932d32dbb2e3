import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { textShortener } from './text-shortener.js';

const graphemes = (text: string) => [...new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(text)];

/** The kept part must be the original's first graphemes, whole. */
function expectWholeGraphemePrefix(original: string, result: string) {
  const kept = result.endsWith('…') ? result.slice(0, -1).trimEnd() : result;
  expect(original.startsWith(kept)).toBe(true);
  const boundaries = new Set(graphemes(original).map((g) => g.index));
  boundaries.add(original.length);
  expect(boundaries.has(kept.length)).toBe(true);
}

const hostile = [
  'Een gesprek met de wethouder over wonen, zorg en de rol van de gemeente in het sociaal domein.',
  '👩‍👩‍👧‍👦👩‍👩‍👧‍👦 familie 🇳🇱🇪🇺🇺🇦 vlaggen 🏳️‍🌈 en 👍🏽 duimen '.repeat(6),
  '日本語のテキストは単語の間に空白がありません。人権と地方自治体についての話です。'.repeat(5),
  'حقوق الإنسان في البلديات هي مسؤولية مشتركة. זכויות אדם ברשויות המקומיות. '.repeat(5),
  'Z̷̢̛a̴̡l̶̨g̵o̸ t̷e̶x̴t̵ m̶e̷t̸ c̷o̶m̵b̴i̷n̵i̶n̸g̷ m̴a̸r̷k̶s̵ '.repeat(5),
  'IJsselmonde, Ĳmuiden, café, coöperatie, ruïne, één, reünie en zeeën. '.repeat(5),
  'Zie (https://nl.wikipedia.org/wiki/Recht_op_huisvesting_(mensenrecht)) en https://example.org/a_(b)_c?x=(1) voor meer. '.repeat(
    4,
  ),
  'x'.repeat(500),
];

describe('textShortener', () => {
  it('cuts at a word boundary and ends with an ellipsis', () => {
    const shortener = textShortener('Een gesprek over wonen en zorg', 'nl');
    expect(shortener.longest((s) => s.length <= 20)).toBe('Een gesprek over…');
    expect(shortener.longest((s) => s.length <= 100)).toBe('Een gesprek over wonen en zorg');
    expect(shortener.longest((s) => s.length <= 1)).toBeUndefined();
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(textShortener('Wonen, zorg en werk', 'nl').longest((s) => s.length <= 12)).toBe('Wonen, zorg…');
    expect(textShortener('Wonen, zorg en werk', 'nl').longest((s) => s.length <= 8)).toBe('Wonen…');
  });

  it('respects the minimum length', () => {
    const shortener = textShortener('Een gesprek over wonen en zorg', 'nl');
    expect(shortener.longest((s) => s.length <= 12, 20)).toBeUndefined();
  });

  it('falls back to grapheme boundaries for one long word', () => {
    const result = textShortener('Een supercalifragilistischexpialidocious', 'nl').longest(
      (s) => s.length <= 20,
      15,
    );
    expect(result).toBe('Een supercalifragil…');
  });

  it.each(hostile.map((text, i) => [i, text]))(
    'never splits a grapheme, URL or hashtag (case %i)',
    (_, text) => {
      const shortener = textShortener(text, 'nl');
      const urls = twitterText.extractUrls(text);
      for (let max = 1; max <= text.length + 1; max += 7) {
        const result = shortener.longest((s) => s.length <= max);
        if (result === undefined) continue;
        expect(result.length).toBeLessThanOrEqual(max);
        expectWholeGraphemePrefix(text, result);
        for (const url of twitterText.extractUrls(result)) expect(urls).toContain(url);
      }
    },
  );

  it('never cuts inside a hashtag', () => {
    const text = 'Luister en deel #mensenrechten #gemeenten #ombudsman vandaag';
    const tags = twitterText.extractHashtags(text);
    for (let max = 1; max <= text.length; max++) {
      const result = textShortener(text, 'nl').longest((s) => s.length <= max);
      if (result) for (const tag of twitterText.extractHashtags(result)) expect(tags).toContain(tag);
    }
  });

  it('keeps a space between a URL and the ellipsis', () => {
    const text = 'Zie https://example.org/a_(b) voor de rest van het verhaal';
    const result = textShortener(text, 'nl').longest((s) => s.length <= 33);
    expect(result).toBe('Zie https://example.org/a_(b) …');
  });
});
