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
 * against one plain ffmpeg transcode of the same file. Twice: a recording one gain normalises (the
 * common case, the goal) and one whose peaks need the limiter.
 *
 * On a shared machine one run of either side swings by a fifth (a plain transcode took 11.0 to
 * 15.4 s in one afternoon), so each case runs `rounds` times, each of ours between two plain
 * transcodes and set against their mean, so a machine that gets busier or quieter meanwhile weighs
 * on both; the median round is the figure, and every round's ratio is printed beside it.
 */
export async function processingBench(minutes = 30, rounds = benchRounds()): Promise<void> {
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
      const plainOnce = () => plainTranscode(tools, source, path.join(dir, 'plain.mp3'));
      const results: { ours: number; plain: number }[] = [];
      let before = plainOnce();
      for (let round = 0; round < rounds; round++) {
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
        const after = plainOnce();
        results.push({ ours, plain: (before + after) / 2 });
        before = after;
      }
      const sorted = [...results].sort((a, b) => a.ours / a.plain - b.ours / b.plain);
      const median = sorted[Math.floor(sorted.length / 2)];
      const every = results.map((r) => ratio(r.ours, r.plain)).join(', ');
      line(
        `processing ${minutes} min${clicks ? ', limiter needed' : ' vs plain transcode'}`,
        `${median.ours.toFixed(1)} s`,
        `${median.plain.toFixed(1)} s`,
        ratio(median.ours, median.plain),
        `${clicks ? '<= 1.6' : '<= 1.3'}   (median of ${rounds}: ${every})`,
      );
      rmSync(source, { force: true });
    }
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** BENCH_PROCESSING_ROUNDS, default 3: each costs about a minute per case on 2 cores. */
function benchRounds(): number {
  const rounds = Number(process.env.BENCH_PROCESSING_ROUNDS ?? 3);
  return Number.isInteger(rounds) && rounds >= 1 ? rounds : 3;
}
