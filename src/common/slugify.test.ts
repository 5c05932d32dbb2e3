import { describe, expect, it } from 'vitest';
import { slugify, slugPattern } from './slugify.js';

describe('slugify', () => {
  it.each([
    ['Mensenrechten in de gemeente', 'mensenrechten-in-de-gemeente'],
    ['Café Ĳsselmonde: één gesprek!', 'cafe-ijsselmonde-een-gesprek'],
    ['../../etc/passwd', 'etc-passwd'],
    ['🎙️', 'item'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(slugify(input)).toMatch(slugPattern);
  });
});
