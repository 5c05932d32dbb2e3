import { describe, expect, it } from 'vitest';
import { accentColor, accentCss, contrastRatio, DARK_BACKGROUND, LIGHT_BACKGROUND } from './accent-color.js';

describe('accentColor', () => {
  it('keeps a colour that already reaches AA and accepts 3- and 6-digit hex with or without #', () => {
    expect(accentColor('#0b5cad').light).toBe('#0b5cad');
    expect(accentColor('0B5CAD').light).toBe('#0b5cad');
    expect(accentColor('#000').light).toBe('#000000');
  });

  it('darkens for light and lightens for dark until 4.5:1, for any colour', () => {
    for (const hex of ['ffff00', 'ff6600', '00ff00', '777777', 'ffffff', '000000', '0000ff', 'ff00ff']) {
      const { light, dark } = accentColor(hex);
      expect(contrastRatio(light, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark, DARK_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('falls back to the default for anything that is not a hex colour', () => {
    const fallback = accentColor(undefined);
    for (const bad of ['red', 'url(x)', '#12345', '#1234567', '12;}body{', ''])
      expect(accentColor(bad)).toEqual(fallback);
    expect(accentCss(fallback)).toMatch(
      /^:root\{--zp-accent-light:#[0-9a-f]{6};--zp-accent-dark:#[0-9a-f]{6}\}$/,
    );
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
