import { describe, expect, it } from 'vitest';
import { askTwitterText } from '../../tests/helpers/twitter-text-oracle.js';
import { channelRules, channels } from './channels.js';
import { countGraphemes, fitsLimit, measureLength, utf8Length } from './measure-length.js';

const family = '👩‍👩‍👧‍👦';
const longUrl = `https://example.org/${'pad/'.repeat(30)}end`;

describe('measureLength', () => {
  const xTexts = [
    'Hallo wereld',
    `Nieuw ${family} 🇳🇱 日本語のテキスト`,
    `Luister ${longUrl} (https://nl.wikipedia.org/wiki/Recht_(mensenrecht))`,
    'مرحبا بالعالم שלום עולם',
    'Z̷̢̛a̴̡l̶̨g̵o̸',
  ];
  // twitter-text itself, in a child process (weighted-length.test.ts has the full comparison).
  const xAnswers = askTwitterText(xTexts);
  it.each(xTexts.map((text, i) => [text, i] as const))('X measures as twitter-text: %s', (text, i) => {
    expect(measureLength('x', text)).toBe(xAnswers[i].weightedLength);
  });

  it('X weighs a URL 23 and CJK and emoji 2', () => {
    expect(measureLength('x', `a ${longUrl}`)).toBe(2 + 23);
    expect(measureLength('x', '日本')).toBe(4);
    expect(measureLength('x', family)).toBe(2);
  });

  it('Bluesky counts graphemes', () => {
    expect(measureLength('bluesky', family)).toBe(1);
    expect(measureLength('bluesky', '🇳🇱🇪🇺')).toBe(2);
    expect(measureLength('bluesky', 'e\u0301')).toBe(1);
    expect(measureLength('bluesky', 'Ĳsselmeer')).toBe(9);
  });

  it('Bluesky also keeps to 3000 UTF-8 bytes', () => {
    const zalgo = `a${'\u0301'.repeat(20)}`.repeat(200);
    expect(measureLength('bluesky', zalgo)).toBe(200);
    expect(utf8Length(zalgo)).toBeGreaterThan(3000);
    expect(fitsLimit('bluesky', zalgo)).toBe(false);
  });

  it('Mastodon counts code points, a URL as 23, a bare domain as at least 23', () => {
    expect(measureLength('mastodon', `zie ${longUrl}`)).toBe(4 + 23);
    expect(measureLength('mastodon', 'zie https://vng.nl')).toBe(4 + 23);
    expect(measureLength('mastodon', 'zie vng.nl')).toBe(4 + 23);
    expect(measureLength('mastodon', family)).toBe(7);
  });

  it('Threads counts an emoji as its UTF-8 bytes', () => {
    expect(measureLength('threads', 'abc é')).toBe(5);
    expect(measureLength('threads', '🇳🇱')).toBe(8);
    expect(measureLength('threads', family)).toBe(25);
  });

  it('LinkedIn, Facebook and Instagram count UTF-16 code units', () => {
    for (const channel of ['linkedin', 'facebook', 'instagram'] as const) {
      expect(measureLength(channel, '😀 a')).toBe(4);
    }
  });

  it('fitsLimit compares with each limit', () => {
    for (const channel of channels) {
      const limit = channelRules[channel].limit;
      expect(fitsLimit(channel, 'a'.repeat(limit))).toBe(true);
      expect(fitsLimit(channel, 'a'.repeat(limit + 1))).toBe(false);
    }
    expect(countGraphemes('')).toBe(0);
  });
});
