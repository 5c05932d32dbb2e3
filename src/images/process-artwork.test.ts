import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ArtworkRejectedError, processArtwork } from './process-artwork.js';

function image(width: number, height: number, format: 'png' | 'jpeg' = 'png', cmyk = false) {
  let pipeline = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } });
  if (cmyk) pipeline = pipeline.toColourspace('cmyk');
  return format === 'png' ? pipeline.png().toBuffer() : pipeline.jpeg().toBuffer();
}

/** A 1400 × 1400 PNG with its IHDR intact and the compressed pixel data (IDAT) scrambled. */
async function brokenPngOf(png: Buffer): Promise<Buffer> {
  const broken = Buffer.from(png);
  const idat = broken.indexOf('IDAT', 0, 'latin1');
  for (let i = idat + 8; i < Math.min(broken.length - 16, idat + 4000); i++) broken[i] ^= 0x5a;
  return broken;
}

function brokenPng() {
  return image(1400, 1400).then(brokenPngOf);
}

async function reason(input: Promise<Buffer> | Buffer) {
  try {
    await processArtwork(await input);
  } catch (error) {
    if (error instanceof ArtworkRejectedError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('processArtwork', () => {
  it('accepts a square RGB PNG and derives 3000/1400/600/300 JPEGs', async () => {
    const result = await processArtwork(await image(1400, 1400));
    expect(result.format).toBe('png');
    const sizes = await Promise.all(
      result.derived.map(async (d) => [d.size, (await sharp(d.data).metadata()).width]),
    );
    expect(sizes).toEqual([
      [3000, 1400],
      [1400, 1400],
      [600, 600],
      [300, 300],
    ]);
  });

  it.each([
    ['not square', image(1600, 1400), 'not_square'],
    ['too small', image(1000, 1000, 'jpeg'), 'too_small'],
    ['too large', image(3200, 3200, 'jpeg'), 'too_large'],
    ['CMYK', image(1400, 1400, 'jpeg', true), 'not_rgb'],
    ['text', Buffer.from('hello, not an image'), 'not_an_image'],
    ['empty', Buffer.alloc(0), 'not_an_image'],
  ])('refuses %s', async (_name, input, expected) => {
    expect(await reason(input)).toBe(expected);
  });

  it('refuses a PNG whose header is valid but whose pixel data is broken', async () => {
    expect(await reason(brokenPng())).toBe('damaged');
  });

  it('refuses a GIF even when square', async () => {
    const gif = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await reason(gif)).toBe('wrong_format');
  });
});
