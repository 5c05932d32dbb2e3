import { runFfmpeg } from './ffmpeg-runner.js';
import { PcmMeter } from './meter/pcm-meter.js';
import { pcmSink } from './meter/pcm-sink.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface LimiterTrialOptions {
  /** The gains to try, dB, each followed by the limiter. */
  gains: number[];
  /** The filters for one gain (gain, then limiter), as the real encode would run them. */
  chain: (gainDb: number) => string[];
  /** Integrated loudness of the whole recording without gain (the first pass), LUFS. */
  wholeLufs: number;
  channels: 1 | 2;
  sampleRate: number;
  durationSeconds: number;
  /** Recordings at least this long are tried on a fifth to a tenth of their length. Default 600 s. */
  sampleFromSeconds?: number;
  signal?: AbortSignal;
}

// Windows of 3 s spread over all of a long recording: one in every 5 up to 15 minutes, then about
// 60 windows (3 minutes of audio) whatever the length, but never fewer than one in 10. Measured
// on 30 minutes of noise with clicks and of tones drifting 12 dB with clicks, against trying all
// of it: one in 5 was within 0.01 LU in 2.1 s, one in 10 within 0.03 LU in 1.4 s (6.2 s in full).
const windowSeconds = 3;
const targetWindows = 60;
const defaultSampleFromSeconds = 600;

function windowsPerTurn(durationSeconds: number): number {
  return Math.min(10, Math.max(5, Math.floor(durationSeconds / windowSeconds / targetWindows)));
}

/**
 * How loud a recording comes out behind the limiter at each of several gains, estimated by
 * trial passes: one ffmpeg decodes the recording once and runs one branch per gain (gain and
 * limiter) side by side plus one untouched branch, and Node meters the loudness of each.
 *
 * A long recording is tried on one window of 3 s in every five to ten only (windowsPerTurn), a
 * fifth to a tenth of the limiter's and the meter's work. What the trials then measure is how
 * much the limiter takes off on those windows: each branch against the untouched one, both cut
 * the same way, so the cuts weigh on both alike.
 * That loss, added to the whole recording's measured loudness plus the gain, is the estimate.
 * The encoder's output is metered in full afterwards, so no report rests on this estimate.
 *
 * @example
 * const [a, b] = await limiterTrials(tools, 'in.wav', { gains: [10, 12], chain, wholeLufs: -30, channels: 2, sampleRate: 44100, durationSeconds: 1800 });
 */
export async function limiterTrials(
  tools: MediaTools,
  input: string,
  options: LimiterTrialOptions,
): Promise<{ gainDb: number; lufs: number }[]> {
  const { gains, channels, sampleRate } = options;
  const sampled = options.durationSeconds >= (options.sampleFromSeconds ?? defaultSampleFromSeconds);
  const layout = channels === 1 ? 'mono' : 'stereo';
  // Whole windows as single frames, so the selection cuts exactly at their edges.
  const cut = sampled
    ? [
        `asetnsamples=n=${Math.round(windowSeconds * sampleRate)}:p=0`,
        `aselect='eq(mod(n\\,${windowsPerTurn(options.durationSeconds)})\\,0)'`,
        'asetpts=N/SR/TB',
      ]
    : [];
  const branches = gains.length + 1;
  const labels = Array.from({ length: branches }, (_, i) => `b${i}`);
  const graph = [
    // Float from the start: with a 16-bit source and a 16-bit output ffmpeg would otherwise run
    // the gain in 16 bits and clip before the limiter (measured: +6 dB came out as +5.1 LU).
    `[0:a:0]${[`aformat=sample_fmts=flt:channel_layouts=${layout}`, ...cut, `asplit=${branches}`].join(',')}${labels.map((l) => `[${l}]`).join('')}`,
    // Each branch says its layout again: amerge refuses inputs that lost it on the way.
    ...gains.map(
      (gain, i) =>
        `[${labels[i + 1]}]${[...options.chain(gain), `aformat=channel_layouts=${layout}`].join(',')}[l${i + 1}]`,
    ),
    `[${labels[0]}]${gains.map((_, i) => `[l${i + 1}]`).join('')}amerge=inputs=${branches},asetnsamples=n=16384:p=0[out]`,
  ].join(';');

  const meters = labels.map(() => new PcmMeter({ channels, sampleRate, loudnessOnly: true }));
  const stride = branches * channels;
  let parts: Float32Array[] = [];
  await runFfmpeg(tools, {
    inputs: [{ path: input }],
    filterComplex: graph,
    outputs: [
      {
        target: pcmSink('f32le', stride, (samples) => {
          const frames = samples.length / stride;
          if (parts.length === 0 || parts[0].length < frames * channels) {
            parts = labels.map(() => new Float32Array(frames * channels));
          }
          // amerge lays the branches' channels side by side: hand each meter its own.
          for (let b = 0; b < branches; b++) {
            const part = parts[b];
            const from = b * channels;
            for (let f = 0, i = from, o = 0; f < frames; f++, i += stride, o += channels) {
              part[o] = samples[i];
              if (channels === 2) part[o + 1] = samples[i + 1];
            }
            meters[b].push(part.subarray(0, frames * channels));
          }
        }),
        // Float, not 16-bit: a decoded MP3 often peaks above full scale, and 16 bits would clip
        // the untouched branch and lower the loudness it is compared with.
        options: ['-map', '[out]', '-c:a', 'pcm_f32le', '-f', 'f32le'],
      },
    ],
    signal: options.signal,
  });
  const [untouched, ...limited] = meters.map((m) => m.finish().integratedLufs);
  return gains.map((gainDb, i) => ({
    gainDb,
    lufs: options.wholeLufs + (limited[i] - untouched),
  }));
}
