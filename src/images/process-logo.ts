import type { Metadata } from 'sharp';
import { loadSharp } from './load-sharp.js';

export type LogoProblem = 'not_an_image' | 'wrong_format' | 'unsafe_svg' | 'too_small';

/** Why an image cannot be the organisation's logo; `reason` is stable. */
export class LogoRejectedError extends Error {
  constructor(
    readonly reason: LogoProblem,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`logo rejected: ${reason}`);
  }
}

export interface ProcessedLogo {
  png: Buffer;
  width: number;
  height: number;
}

/** Twice the 64 px the header shows it at, for sharp screens. */
const MAX_HEIGHT = 128;
const MAX_WIDTH = 640;
const MAX_SVG_BYTES = 512 * 1024;

/*
 * An SVG could reach outside itself while it is drawn (entities, linked images, fonts or
 * stylesheets, a file:// href). Only self-contained drawings are accepted: no DOCTYPE, no
 * <image>, <foreignObject> or <script>, no href or url() but to a fragment of the same file.
 */
const UNSAFE_SVG = [
  /<!DOCTYPE/i,
  /<!ENTITY/i,
  /<\s*(?:[\w-]+:)?(?:image|foreignObject|script|iframe|feImage)\b/i,
  /\bhref\s*=\s*["'](?!#)/i,
  /url\(\s*["']?(?!#)/i,
  /@import/i,
];

function looksLikeSvg(input: Buffer): boolean {
  const head = input.subarray(0, 1024).toString('utf8').trimStart();
  return head.startsWith('<svg') || head.startsWith('<?xml') || /<svg[\s>]/.test(head);
}

/**
 * A PNG, or an SVG made safe by drawing it: the result is always a PNG at most 128 px high, so no
 * script, link or font inside an uploaded SVG ever reaches a visitor's browser.
 */
export async function processLogo(input: Buffer): Promise<ProcessedLogo> {
  const sharp = await loadSharp();
  const svg = looksLikeSvg(input);
  if (svg) {
    if (input.length > MAX_SVG_BYTES) throw new LogoRejectedError('unsafe_svg', { reason: 'size' });
    const text = input.toString('utf8');
    const unsafe = UNSAFE_SVG.find((pattern) => pattern.test(text));
    if (unsafe) throw new LogoRejectedError('unsafe_svg', { reason: unsafe.source });
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: 4000 * 4000 }).metadata();
  } catch {
    throw new LogoRejectedError('not_an_image');
  }
  if (metadata.format !== 'png' && metadata.format !== 'svg')
    throw new LogoRejectedError('wrong_format', { format: String(metadata.format) });
  const { width = 0, height = 0 } = metadata;
  if (width < 16 || height < 16) throw new LogoRejectedError('too_small', { width, height });
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: 4000 * 4000,
      density: svg ? 144 : undefined,
    })
      .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: 'inside', withoutEnlargement: !svg })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch {
    throw new LogoRejectedError('not_an_image');
  }
}
