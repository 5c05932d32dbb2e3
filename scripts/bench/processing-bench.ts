import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMediaTools } from '../../src/audio/index.js';
import { benchContainer } from './bench-container.js';
import { line, ratio } from './load.js';

/** Processing a 30-minute recording (probe, tags, loudness, encode, peaks, report) against one plain ffmpeg transcode. */
export async function processingBench(minutes = 30): Promise<void> {
  const tools = resolveMediaTools();
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-bench-process-'));
  const bench = await benchContainer();
  try {
    const source = path.join(dir, 'interview.wav');
    // Speech-like: a voice band with pauses, so silence detection has real work.
    execFileSync(tools.ffmpegPath, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `anoisesrc=color=pink:duration=${minutes * 60}:amplitude=0.3,bandpass=f=800:width_type=o:w=2,volume='if(lt(mod(t\\,7)\\,5)\\,1\\,0)':eval=frame`,
      '-ac',
      '2',
      '-ar',
      '44100',
      source,
    ]);
    const plainStart = performance.now();
    execFileSync(tools.ffmpegPath, [
      '-v',
      'error',
      '-y',
      '-i',
      source,
      '-c:a',
      'libmp3lame',
      '-b:a',
      '128k',
      '-ar',
      '44100',
      path.join(dir, 'plain.mp3'),
    ]);
    const plain = (performance.now() - plainStart) / 1000;

    const show = await bench.shows.create({
      title: 'Bench',
      description: 'b',
      author: 'b',
      owner: { email: 'b@example.nl' },
    });
    const episode = await bench.episodes.create(show.id, { title: 'Bench' });
    await bench.ingest.acceptStream(episode.id, createReadStream(source), {
      contentType: 'audio/wav',
      filename: 'interview.wav',
    });
    const started = performance.now();
    await bench.worker.drain();
    const ours = (performance.now() - started) / 1000;
    const processed = await bench.episodes.get(episode.id);
    if (processed.status !== 'ready')
      throw new Error(`processing ended ${processed.status}: ${processed.failureReason}`);
    line(
      `processing a ${minutes}-minute recording vs plain transcode`,
      `${ours.toFixed(1)} s`,
      `${plain.toFixed(1)} s`,
      ratio(ours, plain),
      '<= 1.3',
    );
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
