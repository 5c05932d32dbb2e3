import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from './resolve-media-tools.js';
import { writeChapters } from './write-chapters.js';

describe('writeChapters', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-chapters-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tools = resolveMediaTools();

  it('writes CHAP frames that music-metadata reads back, without touching the audio frames', async () => {
    const input = path.join(dir, 'in.mp3');
    execFileSync(tools.ffmpegPath, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=duration=12',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '64k',
      '-metadata',
      'title=Gesprek',
      input,
    ]);
    const output = path.join(dir, 'out.mp3');
    await writeChapters(tools, input, output, {
      chapters: [
        { startSeconds: 0, title: 'Intro' },
        { startSeconds: 5, title: 'Gesprek; met = tekens' },
      ],
      durationSeconds: 12,
    });
    const meta = await parseFile(output, { includeChapters: true });
    expect(meta.format.chapters?.map((c) => c.title)).toEqual(['Intro', 'Gesprek; met = tekens']);
    expect(meta.common.title).toBe('Gesprek');
    // Same audio, not re-encoded: after the tag and the muxer's own Xing/LAME info frame, every
    // audio frame is byte-identical (a re-encode would change them all).
    const tail = (file: string) => readFileSync(file).subarray(-40_000);
    expect(tail(output).equals(tail(input))).toBe(true);

    // The descriptive tags are rewritten the same way when given (a title edited after processing).
    const retitled = path.join(dir, 'retitled.mp3');
    await writeChapters(tools, output, retitled, {
      chapters: [{ startSeconds: 0, title: 'Intro' }],
      durationSeconds: 12,
      tags: { title: 'Nieuwe titel: "wonen" & zorg', album: 'De podcast', comment: null },
    });
    const again = await parseFile(retitled, { includeChapters: true });
    expect(again.common.title).toBe('Nieuwe titel: "wonen" & zorg');
    expect(again.common.album).toBe('De podcast');
    expect(again.format.chapters?.map((c) => c.title)).toEqual(['Intro']);
    expect(tail(retitled).equals(tail(input))).toBe(true);
  });
});
