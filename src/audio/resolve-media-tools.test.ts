import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveMediaTools } from './resolve-media-tools.js';

describe('resolveMediaTools', () => {
  it('uses explicit paths first', () => {
    expect(resolveMediaTools({ ffmpegPath: '/opt/ff/ffmpeg', ffprobePath: '/opt/ff/ffprobe' })).toEqual({
      ffmpegPath: '/opt/ff/ffmpeg',
      ffprobePath: '/opt/ff/ffprobe',
    });
  });

  it.skipIf(!existsSync('/usr/bin/ffmpeg'))('finds the system binaries on the search path', () => {
    const tools = resolveMediaTools({ searchPath: '/nonexistent:/usr/bin' });
    expect(tools).toEqual({ ffmpegPath: '/usr/bin/ffmpeg', ffprobePath: '/usr/bin/ffprobe' });
  });

  it('falls back to the npm-shipped binaries', () => {
    const tools = resolveMediaTools({ searchPath: '/nonexistent' });
    expect(tools.ffmpegPath).toMatch(/@ffmpeg-installer/);
    expect(tools.ffprobePath).toMatch(/@ffprobe-installer/);
    expect(existsSync(tools.ffmpegPath)).toBe(true);
    expect(existsSync(tools.ffprobePath)).toBe(true);
  });

  it('mixes: an explicit ffmpeg with a found ffprobe', () => {
    const tools = resolveMediaTools({ ffmpegPath: '/opt/ff/ffmpeg', searchPath: '/nonexistent' });
    expect(tools.ffmpegPath).toBe('/opt/ff/ffmpeg');
    expect(tools.ffprobePath).toMatch(/@ffprobe-installer/);
  });
});
