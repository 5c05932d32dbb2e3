import { describe, expect, it } from 'vitest';
import { wrap } from './share-image.js';

describe('share image title wrapping', () => {
  it('breaks lines between words', () => {
    expect(wrap('Wonen en zorg in de wijk', 6, 3)).toEqual(['Wonen en', 'zorg in de', 'wijk']);
  });

  it('shortens by whole words when lines run out, never inside a word', () => {
    const [line] = wrap('Mensenrechten dichtbij – gesprekken met gemeenten', 18, 1);
    expect(line).toBe('Mensenrechten dichtbij…');
    expect(line).not.toMatch(/gesprekke…/);
  });

  it('cuts inside a word only when that one word is wider than the line', () => {
    const [line] = wrap('Arbeidsongeschiktheidsverzekering', 10, 1);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan('Arbeidsongeschiktheidsverzekering'.length);
  });
});
