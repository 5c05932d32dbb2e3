import { describe, expect, it } from 'vitest';
import { blueskyFacets } from './bluesky-facets.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const slice = (text: string, start: number, end: number) =>
  new TextDecoder().decode(bytes(text).slice(start, end));

describe('blueskyFacets', () => {
  it('gives UTF-8 byte offsets, not string indices', () => {
    const link = 'https://zender.example.nl/a?utm_source=bluesky&utm_medium=social&utm_campaign=s';
    const text = `👩‍👩‍👧‍👦 日本 é Ĳ مرحبا: ${link}\n\n#mensenrechten #Ĳssel`;
    const facets = blueskyFacets(text, [link]);
    expect(facets).toHaveLength(3);
    const [linkFacet, tag, dutch] = facets;
    expect(linkFacet.features).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: link }]);
    expect(linkFacet.index.byteStart).toBe(bytes(text.slice(0, text.indexOf(link))).length);
    expect(linkFacet.index.byteStart).not.toBe(text.indexOf(link));
    expect(slice(text, linkFacet.index.byteStart, linkFacet.index.byteEnd)).toBe(link);
    expect(tag.features).toEqual([{ $type: 'app.bsky.richtext.facet#tag', tag: 'mensenrechten' }]);
    expect(slice(text, tag.index.byteStart, tag.index.byteEnd)).toBe('#mensenrechten');
    expect(slice(text, dutch.index.byteStart, dutch.index.byteEnd)).toBe('#Ĳssel');
  });

  it('finds the known link even where twitter-text would not (unknown TLD)', () => {
    const link = 'http://localhost:3000/shows/a/b?utm_source=bluesky';
    const facets = blueskyFacets(`Luister: ${link}`, [link]);
    expect(facets).toEqual([
      {
        index: { byteStart: 9, byteEnd: 9 + link.length },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: link }],
      },
    ]);
  });

  it('links other URLs, parentheses included, without overlapping', () => {
    const text = 'Zie (https://nl.wikipedia.org/wiki/Recht_(mensenrecht)) en https://example.org/#anker';
    const facets = blueskyFacets(text);
    const covered = facets.map((f) => slice(text, f.index.byteStart, f.index.byteEnd));
    expect(covered).toEqual([
      'https://nl.wikipedia.org/wiki/Recht_(mensenrecht)',
      'https://example.org/#anker',
    ]);
  });

  it('has no facets for plain text', () => {
    expect(blueskyFacets('Gewoon tekst, #2025 is geen tag.')).toEqual([]);
  });
});
