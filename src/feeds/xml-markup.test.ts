import { describe, expect, it } from 'vitest';
import { attrValue, cdata, escapeXml, textNode, xmlTag } from './xml-markup.js';
import { xmlAttr, xmlText } from './xml-text.js';

describe('escapeXml', () => {
  it('escapes the five predefined entities, & first', () => {
    expect(escapeXml(`a & b <c> "d" 'e' &amp;`)).toBe(
      'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &amp;amp;',
    );
  });

  it('returns other text as it is', () => {
    expect(escapeXml('gewoon 👩‍👩‍👧 ]] [text]')).toBe('gewoon 👩‍👩‍👧 ]] [text]');
  });
});

describe('cdata', () => {
  it('splits the section at each ]]>', () => {
    expect(cdata(']]>a]]>')).toBe('<![CDATA[]]]]><![CDATA[>a]]]]><![CDATA[>]]>');
    expect(cdata('<p>a & b</p>')).toBe('<![CDATA[<p>a & b</p>]]>');
  });
});

describe('xmlTag', () => {
  it('leaves out absent and empty attributes and cleans the rest', () => {
    expect(xmlTag('x:y', { a: 'q"\t<\u0001', b: undefined, c: '', d: 2 }, 't & \u0001t')).toBe(
      '<x:y a="q&quot; &lt;" d="2">t &amp; t</x:y>',
    );
  });

  it('closes itself without text, and writes an open and close tag with neither', () => {
    expect(xmlTag('x', { a: '1' })).toBe('<x a="1"/>');
    expect(xmlTag('x', {})).toBe('<x></x>');
    expect(xmlTag('x', {}, '')).toBe('<x></x>');
  });
});

describe('textNode and attrValue', () => {
  it('are xmlText and xmlAttr followed by escapeXml', () => {
    for (const value of [
      'plain',
      'a & b',
      `"q" 'a' <t>`,
      'tab\there\r\nnl\r',
      '\u0001\uD800 😀',
      'x=1;y?z',
    ]) {
      expect(textNode(value)).toBe(escapeXml(xmlText(value)));
      expect(attrValue(value)).toBe(escapeXml(xmlAttr(value)));
    }
  });

  it('agree with them on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const value = `a${String.fromCharCode(unit)}b`;
      if (textNode(value) !== escapeXml(xmlText(value)) || attrValue(value) !== escapeXml(xmlAttr(value))) {
        wrong.push(unit);
      }
    }
    expect(wrong).toEqual([]);
  });
});
