import { describe, expect, it } from 'vitest';
import { cleanHtml, createHtmlCleaner, htmlToText, textToHtml } from './clean-html.js';

describe('cleanHtml', () => {
  it('keeps the allowlist: p, a[href], ul, ol, li, strong, em, br', () => {
    const html =
      '<p>Een <strong>sterk</strong> en <em>mooi</em> verhaal<br />' +
      '<a href="https://vng.nl/?a=1&amp;b=2">VNG</a></p><ul><li>een</li></ul><ol><li>twee</li></ol>';
    expect(cleanHtml(html)).toBe(html);
  });

  it('removes scripts, styles, frames, images and event handlers', () => {
    const html =
      '<p onclick="x()">a<script>alert(1)</script><style>p{}</style><iframe src="https://x"></iframe>' +
      '<img src="x" onerror="alert(1)">b</p>';
    expect(cleanHtml(html)).toBe('<p>ab</p>');
  });

  it('allows only http, https and mailto links', () => {
    expect(cleanHtml('<a href="javascript:alert(1)">j</a>')).toBe('<a>j</a>');
    expect(cleanHtml('<a href=" java\tscript:alert(1)">j</a>')).toBe('<a>j</a>');
    expect(cleanHtml('<a href="data:text/html,x">d</a>')).toBe('<a>d</a>');
    expect(cleanHtml('<a href="//evil.example/">p</a>')).toBe('<a>p</a>');
    expect(cleanHtml('<a href="mailto:redactie@vng.nl" title="t">m</a>')).toBe(
      '<a href="mailto:redactie@vng.nl">m</a>',
    );
    expect(cleanHtml('<a href="http://x.nl/">h</a>')).toBe('<a href="http://x.nl/">h</a>');
  });

  it('keeps the meaning of b and i', () => {
    expect(cleanHtml('<b>vet</b> <i>schuin</i>')).toBe('<strong>vet</strong> <em>schuin</em>');
  });

  it('escapes stray markup characters and closes open tags', () => {
    expect(cleanHtml('<p>1 < 2 & 3 > 2 ]]>')).toBe('<p>1 &lt; 2 &amp; 3 &gt; 2 ]]&gt;</p>');
  });

  it('gives the same result again from a cleaner that keeps results, also for input too large to keep', () => {
    const clean = createHtmlCleaner(100_000);
    const html = '<p>Twee <b>keer</b></p><script>x</script>';
    expect(clean(html)).toBe('<p>Twee <strong>keer</strong></p>');
    expect(clean(html)).toBe('<p>Twee <strong>keer</strong></p>');
    const large = '<p>a<script>x</script></p>'.repeat(8_000);
    expect(clean(large)).toBe('<p>a</p>'.repeat(8_000));
    expect(clean(large)).toBe('<p>a</p>'.repeat(8_000));
    expect(clean('gewone tekst')).toBe('gewone tekst');
  });

  it('returns plain text untouched', () => {
    const text = 'Gewoon "tekst" met \'aanhalingstekens\' en 👩‍👩‍👧';
    expect(cleanHtml(text)).toBe(text);
  });
});

describe('htmlToText', () => {
  it('gives the text with entities decoded and breaks where blocks end', () => {
    const clean = cleanHtml('<p>Tom &amp; Jerry &lt;3</p><p>Deel&nbsp;2<br>"slot"</p>');
    expect(htmlToText(clean)).toBe('Tom & Jerry <3\nDeel\u00A02\n"slot"');
  });

  it('does not decode twice', () => {
    expect(htmlToText(cleanHtml('&amp;lt;'))).toBe('&lt;');
  });
});

describe('textToHtml', () => {
  it('escapes what HTML would read as markup', () => {
    expect(textToHtml('a < b & "c"')).toBe('a &lt; b &amp; "c"');
  });
});
