import { limiterTrials } from './limiter-trials.js';
import type { LoudnessMeasurement } from './loudness-measurement.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface LoudnessGainPlan {
  /** `linear`: the gain alone stays under the ceiling. `limited`: a true-peak limiter follows it. */
  mode: 'linear' | 'limited';
  gainDb: number;
  /** Integrated loudness expected before the MP3 encoder, LUFS. */
  expectedLufs: number;
  /** `limited`: the limiter's ceiling, dBTP (below the asked one: see limiterMarginDb). */
  limiterCeilingDbtp?: number;
}

export interface PlanLoudnessGainOptions {
  measured: LoudnessMeasurement;
  /** Loudness wanted before the encoder (the target plus what the encoder takes off). */
  aimLufs: number;
  /** Highest true peak allowed before the encoder, dBTP. */
  ceilingDbtp: number;
  /** The delivery's channels and the input's sample rate, so trials hear what the encoder will. */
  channels: 1 | 2;
  sampleRate: number;
  /** The recording's length: a long one is tried on a fifth to a tenth of it (limiterTrials). */
  durationSeconds: number;
  signal?: AbortSignal;
}

// A limited signal's peaks are sharp, and the MP3 encoder overshoots sharp peaks most: behind a
// limiter at -1.7 dBTP, clicks came out of LAME at up to -1.0 dBTP, where one gain's smoother
// peaks gain 0.5 dB at most. The limiter holds this much more back, so one encode is enough.
const limiterMarginDb = 0.5;
// Extra gain a limiter may make up for. Beyond it the recording is mostly peaks (clicks, bangs)
// and pushing further would only flatten it; such a file stays quieter than the target.
const maxMakeupDb = 12;
// Most recordings need 0.2 to 2 dB of make-up gain behind the limiter: bracket that.
const bracketDb = 2;
const extraTrials = 2;

/**
 * Finds the gain that brings a recording to the wanted loudness under a true-peak ceiling.
 *
 * When the measured true peak plus the gain stays under the ceiling, the gain is the whole answer
 * (what loudnorm calls linear mode). Otherwise a limiter must catch the peaks, and the energy it
 * removes lowers the loudness, by an amount that depends on the material: cheap trial passes
 * (gain, limiter at the original rate, our loudness meter; no encoding; limiterTrials) measure it.
 * Two trials run in one pass, at the linear gain and 2 dB above; the gain is interpolated between
 * them, or found by up to two more trials when it lies outside (within 0.2 LU). Trials run the
 * limiter at the input's rate, the encode at 44.1 kHz: the same chain for a 44.1 kHz recording;
 * for another rate the estimate may be off by a few tenths, which the metered encode corrects.
 * The encoder meters what the real limiter delivers, so the report never rests on this estimate.
 */
export async function planLoudnessGain(
  tools: MediaTools,
  input: string,
  options: PlanLoudnessGainOptions,
): Promise<LoudnessGainPlan> {
  const { measured, aimLufs, ceilingDbtp } = options;
  // Silence (gated out entirely) has no loudness to correct; amplifying it only lifts noise.
  if (measured.integratedLufs <= -70) return { mode: 'linear', gainDb: 0, expectedLufs: -70 };
  const linearGain = aimLufs - measured.integratedLufs;
  if (measured.truePeakDbtp + linearGain <= ceilingDbtp) {
    return { mode: 'linear', gainDb: linearGain, expectedLufs: aimLufs };
  }

  const limiterCeilingDbtp = ceilingDbtp - limiterMarginDb;
  const limited = (gainDb: number, expectedLufs: number): LoudnessGainPlan => ({
    mode: 'limited',
    gainDb,
    expectedLufs,
    limiterCeilingDbtp,
  });
  const trials = (gains: number[]) =>
    limiterTrials(tools, input, {
      gains,
      chain: (gainDb) => limitedChain(gainDb, limiterCeilingDbtp),
      wholeLufs: measured.integratedLufs,
      channels: options.channels,
      sampleRate: options.sampleRate,
      durationSeconds: options.durationSeconds,
      signal: options.signal,
    });
  const highest = linearGain + maxMakeupDb;
  // Round one, two trials in one pass: at the linear gain and a bracket above.
  let [low, high] = await trials([linearGain, Math.min(highest, linearGain + bracketDb)]);
  for (let extra = 0; ; extra++) {
    const best = Math.abs(aimLufs - low.lufs) <= Math.abs(aimLufs - high.lufs) ? low : high;
    const miss = aimLufs - best.lufs;
    if (Math.abs(miss) < 0.2 || extra === extraTrials) {
      return limited(best.gainDb, best.lufs);
    }
    // The limiter makes loudness grow slower than the gain (the slope is below 1): divide the
    // miss by the slope seen between the last two trials (secant method).
    const slope = clamp((high.lufs - low.lufs) / (high.gainDb - low.gainDb || 1), 0.2, 1);
    const next = Math.min(highest, best.gainDb + miss / slope);
    if (next === best.gainDb) return limited(best.gainDb, best.lufs);
    // Between two trials the curve is smooth and nearly straight: the interpolation is the answer.
    if (next > Math.min(low.gainDb, high.gainDb) && next < Math.max(low.gainDb, high.gainDb)) {
      return limited(next, aimLufs);
    }
    const [tried] = await trials([next]);
    [low, high] = [best, tried];
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Gain, then a lookahead limiter holding peaks under the ceiling, at `sampleRate` when given (the
 * delivery's 44.1 kHz, so an 8 kHz recording is limited where the encoder hears it, not before it
 * is resampled), else at the input's own rate (the trial passes, metered at that rate).
 *
 * No oversampling: a true-peak limiter would run at 2x or 4x to catch the peaks between samples,
 * but gain, limiter and LAME took 30% longer than a plain encode with the limiter at 2x, and 8%
 * with it at 44.1 kHz (10 minutes of speech with clicks, 4 runs each), and the peaks it misses are smaller than the 0.5 dB
 * the limiter holds back for the encoder anyway (limiterMarginDb). Measured on the delivered MP3s
 * of the encode tests (loud, clipped, clicks, speech with music, 8 kHz): -1.9 to -2.6 dBTP either
 * way, where -1.0 is promised; and the delivered file is metered, a peak over the ceiling encoded
 * again lower.
 */
export function limitedChain(gainDb: number, ceilingDbtp: number, sampleRate?: number): string[] {
  // level=false: alimiter otherwise scales its output back up to 0 dBFS. No latency=true: the npm
  // ffmpeg build (2018) lacks it, and the 5 ms lookahead delay it would remove is inaudible.
  const limiter = `alimiter=limit=${(10 ** (ceilingDbtp / 20)).toFixed(5)}:attack=5:release=50:level=false`;
  return [`volume=${gainDb.toFixed(2)}dB`, ...(sampleRate ? [`aresample=${sampleRate}`] : []), limiter];
}
