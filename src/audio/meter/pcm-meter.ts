import { kWeightingFilters } from './k-weighting.js';
import { type GatedLoudness, gateLoudness } from './loudness-gating.js';
import { TruePeakMeter } from './true-peak.js';
import { WaveformEnvelope } from './waveform-envelope.js';

export interface PcmMeterOptions {
  sampleRate: number;
  channels: 1 | 2;
  /** Also record the waveform outline (for peaks and silences), `pixelsPerSecond` wide. */
  envelope?: { pixelsPerSecond: number };
  /**
   * Loudness alone: no sample or true peak, no flat tops (all reported as 0). For trial passes
   * that only ask how loud a chain makes a recording; behind a limiter every block sits near the
   * peak, so the true-peak scan, which skips quiet blocks, would otherwise run on nearly all.
   */
  loudnessOnly?: boolean;
}

export interface PcmMeterResult extends GatedLoudness {
  frames: number;
  durationSeconds: number;
  /** Linear, 1.0 = full scale. */
  samplePeak: number;
  truePeak: number;
  /** Runs of three or more consecutive samples at full scale: flat tops, the mark of clipping. */
  flatTopRuns: number;
  /** When asked for. */
  envelope?: WaveformEnvelope;
}

// A sample this close to full scale (-0.001 dBFS) counts as sitting on it; a 16-bit source's
// largest value, 32767/32768, is above it.
const fullScale = 0.9999;
const flatRunLength = 3;
const tiny = 1e-30;
// Slots of PcmMeter.running.
const openSum = 0;
const samplePeak = 1;
// Blocks the true-peak scan may skip whole.
const peakBlockFrames = 32;

/**
 * EBU R128 / ITU-R BS.1770-4 metering of interleaved float PCM as it streams past: integrated
 * loudness, loudness range, sample and true peak, flat tops (clipping) and the waveform outline
 * (peaks, silences), a few tight loops over each chunk. Memory grows only with the recording's
 * length in 100 ms steps (8 bytes each) and waveform pixels, never with the audio itself.
 *
 * Written here rather than taken from a library: the npm meters (ebur128-wasm and the like) take
 * the whole recording as one array (2.4 GB of floats for a 6-hour stereo file), and ffmpeg's
 * ebur128 filter costs as much time as the MP3 encoding itself. Checked against ffmpeg's ebur128
 * in pcm-meter.test.ts.
 */
export class PcmMeter {
  private readonly channels: 1 | 2;
  private readonly sampleRate: number;
  private readonly coefficients: Float64Array;
  /** The two biquads' state (z1, z2 each) for the left, then the right channel. */
  private readonly state = new Float64Array(8);
  /** One per channel (the second idle for mono). */
  private readonly truePeaks: [TruePeakMeter, TruePeakMeter];
  private readonly subBlockFrames: number;
  private subBlocks = new Float64Array(1024);
  private subBlockCount = 0;
  private openSubBlockFrames = 0;
  private leftBlockMax = new Float64Array(0);
  private rightBlockMax = new Float64Array(0);
  private frames = 0;
  private flatTopRuns = 0;
  private flatRunLeft = 0;
  private flatRunRight = 0;
  /** The frame just after the last block counted for flat tops: where a run may go on. */
  private flatRunEnd = -1;
  private readonly envelope?: WaveformEnvelope;
  private readonly loudnessOnly: boolean;
  /**
   * The running figures between chunks: the open sub-block's energy sum and the sample peak. Kept
   * in a Float64Array rather than in fields: loaded from one, they stay unboxed doubles in the
   * optimised loop, where a field that once held a small integer made V8 box every assignment
   * (thousands of GCs a recording).
   */
  private readonly running = new Float64Array(2);

  constructor(options: PcmMeterOptions) {
    this.channels = options.channels;
    this.sampleRate = options.sampleRate;
    const [shelf, highPass] = kWeightingFilters(options.sampleRate);
    this.coefficients = Float64Array.of(
      shelf.b0,
      shelf.b1,
      shelf.b2,
      shelf.a1,
      shelf.a2,
      highPass.b0,
      highPass.b1,
      highPass.b2,
      highPass.a1,
      highPass.a2,
    );
    this.truePeaks = [new TruePeakMeter(options.sampleRate), new TruePeakMeter(options.sampleRate)];
    this.subBlockFrames = Math.round(options.sampleRate / 10);
    this.loudnessOnly = options.loudnessOnly === true;
    if (options.envelope) {
      const perPixel = Math.max(1, Math.round(options.sampleRate / options.envelope.pixelsPerSecond));
      this.envelope = new WaveformEnvelope(perPixel, options.sampleRate);
    }
  }

  /** Adds whole interleaved frames. */
  push(samples: Float32Array): void {
    const channels = this.channels;
    const frames = Math.floor(samples.length / channels);
    if (frames === 0) return;
    const firstNewSubBlock = this.subBlockCount;
    this.ensureSubBlocks(firstNewSubBlock + Math.ceil(frames / this.subBlockFrames) + 1);
    this.weigh(samples, frames, firstNewSubBlock);
    this.closeSubBlocks(frames);
    if (!this.loudnessOnly) {
      this.ensureBlockMax(frames);
      this.blockMaxima(samples, frames);
      this.envelope?.addFrames(samples, this.channels, frames);
      for (let ch = 0; ch < channels; ch++) {
        const blockMax = ch === 0 ? this.leftBlockMax : this.rightBlockMax;
        this.truePeaks[ch].scan(samples, channels, ch, frames, blockMax, peakBlockFrames);
      }
    }
    this.frames += frames;
  }

  finish(): PcmMeterResult {
    const end = this.frames;
    const running = this.running;
    this.envelope?.finish(end);
    return {
      ...gateLoudness(this.subBlocks, this.subBlockCount),
      frames: end,
      durationSeconds: end / this.sampleRate,
      samplePeak: running[samplePeak],
      truePeak: Math.max(this.truePeaks[0].value, this.truePeaks[1].value, running[samplePeak]),
      flatTopRuns: this.flatTopRuns,
      envelope: this.envelope,
    };
  }

  /**
   * K-weights both channels into the 100 ms sub-block energies (this chunk's start at
   * `firstSubBlock`; the open one carries over between chunks). Mono runs through it as two equal
   * channels with half the energy each: the second filter chain is then free, as the two chains
   * do not wait on each other and the CPU runs them side by side (a single chain waits on its own
   * feedback). Kept apart from `track`: together the two loops need more values than the CPU has
   * registers, and V8's code for the joint loop came out up to twice as slow, depending on when
   * it was compiled.
   */
  private weigh(samples: Float32Array, frames: number, firstSubBlock: number) {
    const c = this.coefficients;
    const b0 = c[0];
    const b1 = c[1];
    const b2 = c[2];
    const a1 = c[3];
    const a2 = c[4];
    // The high-pass's numerator is 1, -2, 1 at every rate: written out, it needs no registers.
    const e1 = c[8];
    const e2 = c[9];
    const s = this.state;
    let lz1 = s[0];
    let lz2 = s[1];
    let lw1 = s[2];
    let lw2 = s[3];
    let rz1 = s[4];
    let rz2 = s[5];
    let rw1 = s[6];
    let rw2 = s[7];
    const stride = this.channels;
    const rightOffset = this.channels - 1;
    const subBlockFrames = this.subBlockFrames;
    // Sub-blocks hold mean energies; mono counts its one channel twice, so halve it.
    const blockScale = (this.channels === 2 ? 1 : 0.5) / subBlockFrames;
    const blocks = this.subBlocks;
    let inBlock = this.openSubBlockFrames;
    const running = this.running;
    let sum = running[openSum];
    let block = firstSubBlock;
    for (let i = 0, j = 0; i < frames; i++, j += stride) {
      const l = samples[j];
      const r = samples[j + rightOffset];
      // Two biquads per channel, transposed direct form II, ordered so the feedback term comes
      // last: only one multiply and one subtraction wait on the output just computed.
      const ly = b0 * l + lz1;
      const ry = b0 * r + rz1;
      lz1 = b1 * l + lz2 - a1 * ly;
      rz1 = b1 * r + rz2 - a1 * ry;
      lz2 = b2 * l - a2 * ly;
      rz2 = b2 * r - a2 * ry;
      const lv = ly + lw1;
      const rv = ry + rw1;
      lw1 = lw2 - 2 * ly - e1 * lv;
      rw1 = rw2 - 2 * ry - e1 * rv;
      lw2 = ly - e2 * lv;
      rw2 = ry - e2 * rv;
      sum += lv * lv + rv * rv;
      if (++inBlock === subBlockFrames) {
        blocks[block++] = sum * blockScale;
        sum = 0;
        inBlock = 0;
      }
      if ((i & 31) === 31) {
        // In digital silence the filter state decays towards zero and, within a few thousand
        // samples, below 1e-308 into subnormal numbers that cost the CPU some fifty times more
        // per operation. Nothing that small can be heard or measured: flush it.
        if (lz1 < tiny && lz1 > -tiny) lz1 = 0;
        if (lz2 < tiny && lz2 > -tiny) lz2 = 0;
        if (lw1 < tiny && lw1 > -tiny) lw1 = 0;
        if (lw2 < tiny && lw2 > -tiny) lw2 = 0;
        if (rz1 < tiny && rz1 > -tiny) rz1 = 0;
        if (rz2 < tiny && rz2 > -tiny) rz2 = 0;
        if (rw1 < tiny && rw1 > -tiny) rw1 = 0;
        if (rw2 < tiny && rw2 > -tiny) rw2 = 0;
      }
    }
    // The open sub-block's sum waits for the next chunk.
    running[openSum] = sum;
    s.set([lz1, lz2, lw1, lw2, rz1, rz2, rw1, rw2]);
  }

  /**
   * The largest sample of each block of `peakBlockFrames` per channel (for the true-peak scan),
   * the sample peak, and flat tops counted where a block reaches full scale.
   */
  private blockMaxima(samples: Float32Array, frames: number) {
    const stride = this.channels;
    const rightOffset = this.channels - 1;
    const leftBlockMax = this.leftBlockMax;
    const rightBlockMax = this.rightBlockMax;
    const running = this.running;
    let peak = running[samplePeak];
    for (let start = 0, at = 0; start < frames; start += peakBlockFrames, at++) {
      const end = Math.min(frames, start + peakBlockFrames);
      let left = 0;
      let right = 0;
      for (let i = start, j = start * stride; i < end; i++, j += stride) {
        left = Math.max(left, Math.abs(samples[j]));
        right = Math.max(right, Math.abs(samples[j + rightOffset]));
      }
      leftBlockMax[at] = left;
      rightBlockMax[at] = right;
      peak = Math.max(peak, left, right);
      // Flat tops can only be where a block reaches full scale: rare, so counted only there.
      if (left >= fullScale || right >= fullScale) this.countFlatTops(samples, start, end);
    }
    running[samplePeak] = peak;
  }

  /**
   * Runs of three or more samples at full scale in frames `start .. end` of this chunk, carried
   * over from the block before when a run crosses into it. A block that does not reach full scale
   * ends every run, so the carry counts only when the last block counted was the one before.
   */
  private countFlatTops(samples: Float32Array, start: number, end: number) {
    const stride = this.channels;
    const carried = this.flatRunEnd === this.frames + start;
    let runLeft = carried ? this.flatRunLeft : 0;
    let runRight = carried ? this.flatRunRight : 0;
    for (let i = start; i < end; i++) {
      if (Math.abs(samples[i * stride]) >= fullScale) {
        if (++runLeft === flatRunLength) this.flatTopRuns++;
      } else runLeft = 0;
      // Mono has one channel to count.
      if (stride === 2 && Math.abs(samples[i * stride + 1]) >= fullScale) {
        if (++runRight === flatRunLength) this.flatTopRuns++;
      } else runRight = 0;
    }
    this.flatRunLeft = runLeft;
    this.flatRunRight = runRight;
    this.flatRunEnd = this.frames + end;
  }

  private closeSubBlocks(frames: number) {
    const total = this.openSubBlockFrames + frames;
    this.subBlockCount += Math.floor(total / this.subBlockFrames);
    this.openSubBlockFrames = total % this.subBlockFrames;
  }

  private ensureBlockMax(frames: number) {
    const blocks = Math.ceil(frames / peakBlockFrames);
    if (this.leftBlockMax.length >= blocks) return;
    this.leftBlockMax = new Float64Array(blocks);
    this.rightBlockMax = new Float64Array(blocks);
  }

  private ensureSubBlocks(length: number) {
    if (length <= this.subBlocks.length) return;
    const grown = new Float64Array(Math.max(length, this.subBlocks.length * 2));
    grown.set(this.subBlocks);
    this.subBlocks = grown;
  }
}
