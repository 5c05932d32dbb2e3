import type { LoudnessMeasurement } from './loudness-measurement.js';
import { meterAudio } from './meter/meter-audio.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface LoudnessGainPlan {
  /** `linear`: the gain alone stays under the ceiling. `limited`: a true-peak limiter follows it. */
  mode: 'linear' | 'limited';
  gainDb: number;
  /** Integrated loudness expected before the MP3 encoder, LUFS. */
  expectedLufs: number;
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
  signal?: AbortSignal;
}

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
 * (gain, limiter at the original rate, our loudness meter; no encoding) measure it. Two trials run
 * side by side, at the linear gain and 2 dB above; the gain is interpolated between them, or found
 * by up to two more trials when it lies outside (within 0.2 LU). Measured: a limiter at the
 * original rate and one at 4x oversampling differ by about 0.1 LU, so trials skip oversampling.
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

  const trial = async (gainDb: number) => {
    const metered = await meterAudio(tools, input, {
      channels: options.channels,
      sampleRate: options.sampleRate,
      filters: limitedChain(gainDb, ceilingDbtp, 1),
      loudnessOnly: true,
      signal: options.signal,
    });
    return { gainDb, lufs: metered.integratedLufs };
  };
  const highest = linearGain + maxMakeupDb;
  // Round one, two trials side by side (one per core): at the linear gain and a bracket above.
  let [low, high] = await Promise.all([trial(linearGain), trial(Math.min(highest, linearGain + bracketDb))]);
  for (let extra = 0; ; extra++) {
    const best = Math.abs(aimLufs - low.lufs) <= Math.abs(aimLufs - high.lufs) ? low : high;
    const miss = aimLufs - best.lufs;
    if (Math.abs(miss) < 0.2 || extra === extraTrials) {
      return { mode: 'limited', gainDb: best.gainDb, expectedLufs: best.lufs };
    }
    // The limiter makes loudness grow slower than the gain (the slope is below 1): divide the
    // miss by the slope seen between the last two trials (secant method).
    const slope = clamp((high.lufs - low.lufs) / (high.gainDb - low.gainDb || 1), 0.2, 1);
    const next = Math.min(highest, best.gainDb + miss / slope);
    if (next === best.gainDb) return { mode: 'limited', gainDb: best.gainDb, expectedLufs: best.lufs };
    // Between two trials the curve is smooth and nearly straight: the interpolation is the answer.
    if (next > Math.min(low.gainDb, high.gainDb) && next < Math.max(low.gainDb, high.gainDb)) {
      return { mode: 'limited', gainDb: next, expectedLufs: aimLufs };
    }
    const tried = await trial(next);
    [low, high] = [best, tried];
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Gain, then a lookahead limiter holding peaks under the ceiling. With oversampling 4 the limiter
 * runs at four times 44.1 kHz, so it sees (and holds down) the peaks between samples that a true-peak
 * meter reports; the result comes back at 44.1 kHz.
 */
export function limitedChain(gainDb: number, ceilingDbtp: number, oversampling: 1 | 4): string[] {
  // level=false: alimiter otherwise scales its output back up to 0 dBFS. No latency=true: the npm
  // ffmpeg build (2018) lacks it, and the 5 ms lookahead delay it would remove is inaudible.
  const limiter = `alimiter=limit=${(10 ** (ceilingDbtp / 20)).toFixed(5)}:attack=5:release=50:level=false`;
  const gain = `volume=${gainDb.toFixed(2)}dB`;
  return oversampling === 1
    ? [gain, limiter]
    : [gain, `aresample=${44100 * oversampling}`, limiter, 'aresample=44100'];
}
