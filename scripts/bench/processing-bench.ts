import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveMediaTools } from '../../src/audio/index.js';
import { benchContainer } from './bench-container.js';
import { line, ratio } from './load.js';

type Tools = ReturnType<typeof resolveMediaTools>;

/**
 * Speech-like: a voice band with pauses, so silence detection has real work. Seeded, so every run
 * processes the very same recording and runs compare on the machine alone.
 */
function interviewSource(seconds: number): string {
  return `anoisesrc=color=pink:duration=${seconds}:amplitude=0.3:seed=1,bandpass=f=800:width_type=o:w=2,volume='if(lt(mod(t\\,7)\\,5)\\,1\\,0)':eval=frame`;
}

function generate(tools: Tools, file: string, minutes: number, clicks: boolean) {
  execFileSync(tools.ffmpegPath, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    interviewSource(minutes * 60),
    // Clicks: 5 ms bursts 18 dB over the voice every 3 s, so normalising needs the limiter.
    ...(clicks ? ['-af', "volume='if(lt(mod(t\\,3)\\,0.005)\\,8\\,1)':eval=frame"] : []),
    '-ac',
    '2',
    '-ar',
    '44100',
    file,
  ]);
}

function plainTranscode(tools: Tools, source: string, output: string): number {
  const started = performance.now();
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
    output,
  ]);
  return (performance.now() - started) / 1000;
}

/**
 * Processing a 30-minute recording (probe, validation, tags, loudness, encode, peaks, report)
 * against one plain ffmpeg transcode of the same file, timed before and after ours (the mean), so
 * a machine that gets busier or quieter meanwhile weighs on both. Twice: a recording one gain
 * normalises (the common case, the goal) and one whose peaks need the limiter.
 */
export async function processingBench(minutes = 30): Promise<void> {
  const tools = resolveMediaTools();
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-bench-process-'));
  const bench = await benchContainer();
  try {
    const show = await bench.shows.create({
      title: 'Bench',
      description: 'b',
      author: 'b',
      owner: { email: 'b@example.nl' },
    });
    for (const clicks of [false, true]) {
      const source = path.join(dir, clicks ? 'clicks.wav' : 'interview.wav');
      generate(tools, source, minutes, clicks);
      const before = plainTranscode(tools, source, path.join(dir, 'plain.mp3'));

      const episode = await bench.episodes.create(show.id, { title: 'Bench' });
      await bench.ingest.acceptStream(episode.id, createReadStream(source), {
        contentType: 'audio/wav',
        filename: path.basename(source),
      });
      const started = performance.now();
      await bench.worker.drain();
      const ours = (performance.now() - started) / 1000;
      const processed = await bench.episodes.get(episode.id);
      if (processed.status !== 'ready')
        throw new Error(`processing ended ${processed.status}: ${processed.failureReason}`);

      const plain = (before + plainTranscode(tools, source, path.join(dir, 'plain.mp3'))) / 2;
      line(
        `processing ${minutes} min${clicks ? ', limiter needed' : ' vs plain transcode'}`,
        `${ours.toFixed(1)} s`,
        `${plain.toFixed(1)} s`,
        ratio(ours, plain),
        clicks ? '<= 1.6' : '<= 1.3',
      );
      rmSync(source, { force: true });
    }
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
