import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, generateTaggedMp3, generateTone } from '../../tests/fixtures/generate-audio.js';
import { readTags } from './read-tags.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
});
afterAll(() => cleanup());

describe('readTags', () => {
  it('reads ID3 text tags, the cover and CHAP chapters', async () => {
    const tags = await readTags(await generateTaggedMp3(tools.ffmpegPath, dir));
    expect(tags).toMatchObject({
      title: 'Gesprek met de wethouder',
      artist: 'Kennisplatform',
      album: 'Mensenrechten dichtbij',
      year: 2024,
      chapters: [
        { startSeconds: 0, title: 'Intro' },
        { startSeconds: 2.5, title: 'Het gesprek' },
      ],
    });
    expect(tags.picture?.format).toBe('image/jpeg');
    expect(tags.picture?.data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('returns empty tags for a file without any', async () => {
    const file = await generateTone(tools.ffmpegPath, path.join(dir, 'bare.wav'), { seconds: 1 });
    expect(await readTags(file)).toEqual({ chapters: [] } satisfies Partial<
      Awaited<ReturnType<typeof readTags>>
    >);
  });

  it('throws for a file that cannot be read at all', async () => {
    await expect(readTags(path.join(dir, 'missing.mp3'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
