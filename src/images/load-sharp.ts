import type sharpModule from 'sharp';

let loaded: Promise<typeof sharpModule> | undefined;

/**
 * sharp (libvips) is loaded on first use: ~25 MB of memory that a process only needs when an
 * image arrives, not for serving feeds or taking uploads.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  loaded ??= import('sharp').then((module) => module.default);
  return loaded;
}
