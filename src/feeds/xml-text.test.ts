import { describe, expect, it } from 'vitest';
import { xmlAttr, xmlText } from './xml-text.js';

describe('xmlText', () => {
  it('removes the characters XML 1.0 forbids', () => {
    // Low half first, so the two surrogates cannot pair up.
    const forbidden = '\u0000\u0001\u0008\u000B\u000C\u001F\uDFFF\uD800\uFFFE\uFFFF';
    expect(xmlText(`a${forbidden}b`)).toBe('ab');
  });

  it('keeps tab, line feed and everything else Unicode allows', () => {
    const allowed = 'tab\there\nnew line, 👩‍👩‍👧 (ZWJ), مرحبا \u202Eright-to-left\u202C, 𝄞, \u00A0, \uFFFD';
    expect(xmlText(allowed)).toBe(allowed);
  });

  it('keeps a valid surrogate pair but drops a lone half next to it', () => {
    expect(xmlText('\uD83D\uDE00\uD83D')).toBe('😀');
  });

  it('normalises line ends the way XML parsers report them', () => {
    expect(xmlText('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('leaves escaping to the serializer', () => {
    expect(xmlText('<a href="x">&amp;</a> ]]>')).toBe('<a href="x">&amp;</a> ]]>');
  });
});

describe('xmlAttr', () => {
  it('turns line ends and tabs into single spaces', () => {
    expect(xmlAttr('a\r\nb\tc\nd\u0001')).toBe('a b c d');
  });
});
