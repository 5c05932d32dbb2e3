import { describe, expect, it } from 'vitest';
import { wrappedLines } from './embed-size.js';

describe('wrappedLines', () => {
  it('wraps on spaces within the width, and cuts a word longer than a line', () => {
    // 100 px of 10 px glyphs: ten characters a line.
    expect(wrappedLines('Kort', 100, 10, 1)).toBe(1);
    expect(wrappedLines('Wonen en zorg', 100, 10, 1)).toBe(2);
    expect(wrappedLines('aaaa bbbb cccc dddd', 100, 10, 1)).toBe(2);
    expect(wrappedLines('a'.repeat(25), 100, 10, 1)).toBe(3);
    expect(wrappedLines('  ', 100, 10, 1)).toBe(1);
  });
});
