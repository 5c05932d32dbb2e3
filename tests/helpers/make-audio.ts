import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMediaTools } from '../../src/audio/index.js';

const tools = resolveMediaTools();
// One folder per test process, removed when it exits, so generated recordings never pile up.
const root = mkdtempSync(path.join(tmpdir(), 'zender-audio-'));
process.once('exit', () => rmSync(root, { recursive: true, force: true }));

/**
 * Generated test recordings (ffmpeg lavfi), never committed binaries. `speechLike` alternates
 * tone bursts and silence so silence detection and transcript placeholders have work to do.
 */
export function makeAudio(
  name: string,
  options: {
    seconds?: number;
    volumeDb?: number;
    channels?: 1 | 2;
    codec?: string[];
    speechLike?: boolean;
  } = {},
): string {
  const dir = mkdtempSync(path.join(root, 'a-'));
  const file = path.join(dir, name);
  const seconds = options.seconds ?? 8;
  const volume = options.volumeDb ?? -20;
  const source = options.speechLike
    ? `sine=frequency=330:duration=${seconds},volume='if(lt(mod(t\\,4)\\,2.5)\\,1\\,0)':eval=frame,volume=${volume}dB`
    : `anoisesrc=color=pink:duration=${seconds}:amplitude=0.5,volume=${volume}dB`;
  execFileSync(tools.ffmpegPath, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    '-ac',
    String(options.channels ?? 2),
    '-ar',
    '44100',
    ...(options.codec ?? []),
    file,
  ]);
  return file;
}
