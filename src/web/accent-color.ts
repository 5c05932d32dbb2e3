import { contrastRatio, parseHexColor } from '../common/color-contrast.js';

/** The player's own backgrounds (player.css): light and dark. */
export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#121212';
const DEFAULT_ACCENT = '#0b5cad';
/** WCAG 1.4.3 AA for normal text: the accent colours links and the label of the play button. */
const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export { contrastRatio };

/** Mixes toward black or white in small steps until the contrast with `background` is AA. */
function adjust(rgb: Rgb, background: string, toward: number): string {
  let current = rgb;
  for (let step = 0; step <= 40; step++) {
    if (contrastRatio(toHex(current), background) >= MIN_CONTRAST) return toHex(current);
    current = current.map((c) => c + (toward - c) * 0.08) as Rgb;
  }
  return toward === 0 ? '#000000' : '#ffffff';
}

export interface Accent {
  light: string;
  dark: string;
}

/**
 * A partner's `?color=` (hex, with or without '#'), kept as close to their brand as AA allows:
 * darkened for the light theme and lightened for the dark theme until it reaches 4.5:1 on the
 * background. Anything that is not a hex colour falls back to zender's blue.
 */
export function accentColor(requested: string | undefined): Accent {
  const rgb = (requested && parseHexColor(requested)) || parseHexColor(DEFAULT_ACCENT)!;
  return { light: adjust(rgb, LIGHT_BACKGROUND, 0), dark: adjust(rgb, DARK_BACKGROUND, 255) };
}

/** The one inline style block: only two validated hex colours go in it (CSP allows it by hash). */
export function accentCss(accent: Accent): string {
  return `:root{--zp-accent-light:${accent.light};--zp-accent-dark:${accent.dark}}`;
}
