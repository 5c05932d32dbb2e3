import type { Metadata } from 'sharp';
import { loadSharp } from './load-sharp.js';

export type ArtworkProblem =
  | 'not_an_image'
  | 'damaged'
  | 'wrong_format'
  | 'not_square'
  | 'too_small'
  | 'too_large'
  | 'not_rgb';

/** Why an image cannot be podcast artwork; `reason` is stable, the message is for logs. */
export class ArtworkRejectedError extends Error {
  constructor(
    readonly reason: ArtworkProblem,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`artwork rejected: ${reason}`);
  }
}

export interface DerivedArtwork {
  size: number;
  data: Buffer;
}

export interface ProcessedArtwork {
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  derived: DerivedArtwork[];
}

/** Apple's sizes: 3000 is the recommended master, 1400 the minimum, smaller ones for players and pages. */
export const artworkSizes = [3000, 1400, 600, 300] as const;

/**
 * Checks an image against Apple Podcasts' artwork rules (JPEG or PNG, square, 1400–3000 px, RGB)
 * and derives JPEG renditions. Input is limited in pixels so a decompression bomb cannot exhaust memory.
 */
export async function processArtwork(input: Buffer): Promise<ProcessedArtwork> {
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: 3000 * 3000 * 2 }).metadata();
  } catch {
    throw new ArtworkRejectedError('not_an_image');
  }
  const { width = 0, height = 0, format, space } = metadata;
  if (format !== 'jpeg' && format !== 'png')
    throw new ArtworkRejectedError('wrong_format', { format: String(format) });
  if (width !== height) throw new ArtworkRejectedError('not_square', { width, height });
  if (width < 1400) throw new ArtworkRejectedError('too_small', { width, height });
  if (width > 3000) throw new ArtworkRejectedError('too_large', { width, height });
  if (space !== 'srgb' && space !== 'rgb' && space !== 'b-w')
    throw new ArtworkRejectedError('not_rgb', { space: String(space) });
  const derived: DerivedArtwork[] = [];
  for (const size of artworkSizes) {
    let data: Buffer;
    try {
      data = await sharp(input)
        .resize(Math.min(size, width), Math.min(size, width), { fit: 'cover' })
        .flatten({ background: '#ffffff' })
        .toColorspace('srgb')
        .jpeg({ quality: 88, mozjpeg: true })
        .toBuffer();
    } catch {
      // The header read fine (metadata) but the pixels do not decode: a damaged or cut-off file.
      throw new ArtworkRejectedError('damaged', { format });
    }
    derived.push({ size, data });
  }
  return { width, height, format, derived };
}
