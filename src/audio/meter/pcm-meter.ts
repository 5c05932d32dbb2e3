import { kWeightingFilters } from './k-weighting.js';
import { type GatedLoudness, gateLoudness } from './loudness-gating.js';
import { TruePeakMeter } from './true-peak.js';
import { WaveformEnvelope } from './waveform-envelope.js';

export interface PcmMeterOptions {
  sampleRate: number;
  channels: 1 | 2;
  /** Also record the waveform outline (for peaks and silences), `pixelsPerSecond` wide. */
  envelope?: { pixelsPerSecond: number };
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
const pixelMin = 2;
const pixelMax = 3;
const pixelLoudest = 4;
// Blocks the true-peak scan may skip whole: a power of two, so a shift finds a sample's block.
const peakBlockShift = 5;
const peakBlockFrames = 1 << peakBlockShift;

/**
 * EBU R128 / ITU-R BS.1770-4 metering of interleaved float PCM as it streams past: integrated
 * loudness, loudness range, sample and true peak, flat tops (clipping) and the waveform outline
 * (peaks, silences), in one look at each sample. Memory grows only with the recording's length in 100 ms steps
 * (8 bytes each) and waveform pixels, never with the audio itself.
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
  private readonly truePeak: TruePeakMeter;
  private readonly subBlockFrames: number;
  private subBlocks = new Float64Array(1024);
  private subBlockCount = 0;
  private openSubBlockFrames = 0;
  /** Each channel's samples of the current chunk, the true-peak history in front. */
  private left = new Float64Array(0);
  private right = new Float64Array(0);
  private leftBlockMax = new Float64Array(0);
  private rightBlockMax = new Float64Array(0);
  private frames = 0;
  private flatTopRuns = 0;
  private flatRunLeft = 0;
  private flatRunRight = 0;
  /** The frame just after the last block counted for flat tops: where a run may go on. */
  private flatRunEnd = -1;
  private readonly envelope?: WaveformEnvelope;
  /**
   * The running figures between chunks: the open sub-block's energy sum, the sample peak, and the
   * waveform pixel being filled (mix min and max, loudest sample). Kept in a Float64Array rather
   * than in fields: loaded from one, they stay unboxed doubles in the optimised loop, where a field
   * that once held a small integer made V8 box every assignment (thousands of GCs a recording).
   */
  private readonly running = new Float64Array(5);
  /** Frames in the waveform pixel being filled. */
  private pixelFrames = 0;

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
    this.truePeak = new TruePeakMeter(options.sampleRate);
    this.subBlockFrames = Math.round(options.sampleRate / 10);
    if (options.envelope) {
      const perPixel = Math.max(1, Math.round(options.sampleRate / options.envelope.pixelsPerSecond));
      this.envelope = new WaveformEnvelope(perPixel, options.sampleRate);
    }
  }

  /** Adds whole interleaved frames. */
  push(samples: Float32Array): void {
    const frames = Math.floor(samples.length / this.channels);
    if (frames === 0) return;
    const history = this.truePeak.history;
    this.ensureBuffers(frames, history);
    const firstNewSubBlock = this.subBlockCount;
    this.ensureSubBlocks(firstNewSubBlock + Math.ceil(frames / this.subBlockFrames) + 1);
    this.weigh(samples, frames, firstNewSubBlock);
    this.track(samples, frames, history);
    this.closeSubBlocks(frames);
    this.truePeak.scan(this.left, frames, this.leftBlockMax, peakBlockFrames);
    if (this.channels === 2) this.truePeak.scan(this.right, frames, this.rightBlockMax, peakBlockFrames);
    this.left.copyWithin(0, frames, frames + history);
    this.right.copyWithin(0, frames, frames + history);
    this.frames += frames;
  }

  finish(): PcmMeterResult {
    const end = this.frames;
    const running = this.running;
    if (this.envelope && this.pixelFrames > 0) {
      this.envelope.addPixel(running[pixelMin], running[pixelMax], running[pixelLoudest]);
      this.pixelFrames = 0;
    }
    this.envelope?.finish(end);
    return {
      ...gateLoudness(this.subBlocks, this.subBlockCount),
      frames: end,
      durationSeconds: end / this.sampleRate,
      samplePeak: running[samplePeak],
      truePeak: Math.max(this.truePeak.value, running[samplePeak]),
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
   * Copies both channels into their planes (for the true-peak scan), keeps the largest sample of
   * each block of `peakBlockFrames` and the sample peak, has flat tops counted, and folds every
   * frame into the waveform pixel (mono mix min and max, loudest channel).
   */
  private track(samples: Float32Array, frames: number, history: number) {
    const stride = this.channels;
    const rightOffset = this.channels - 1;
    const left = this.left;
    const right = this.right;
    const leftBlockMax = this.leftBlockMax;
    const rightBlockMax = this.rightBlockMax;
    const running = this.running;
    let peak = running[samplePeak];
    let leftLoudest = 0;
    let rightLoudest = 0;
    const envelope = this.envelope;
    const perPixel = envelope ? envelope.samplesPerPixel : 0;
    let count = this.pixelFrames;
    let min = running[pixelMin];
    let max = running[pixelMax];
    let loudest = running[pixelLoudest];
    for (let i = 0, j = 0; i < frames; i++, j += stride) {
      const l = samples[j];
      const r = samples[j + rightOffset];
      left[history + i] = l;
      right[history + i] = r;
      const al = l < 0 ? -l : l;
      const ar = r < 0 ? -r : r;
      if (al > leftLoudest) leftLoudest = al;
      if (ar > rightLoudest) rightLoudest = ar;
      if ((i & (peakBlockFrames - 1)) === peakBlockFrames - 1 || i === frames - 1) {
        const at = i >> peakBlockShift;
        // Flat tops can only be where a block reaches full scale: rare, so counted only there.
        if (leftLoudest >= fullScale || rightLoudest >= fullScale) this.countFlatTops(i, history);
        leftBlockMax[at] = leftLoudest;
        rightBlockMax[at] = rightLoudest;
        if (leftLoudest > peak) peak = leftLoudest;
        if (rightLoudest > peak) peak = rightLoudest;
        leftLoudest = 0;
        rightLoudest = 0;
      }
      if (perPixel > 0) {
        const mix = (l + r) * 0.5;
        const a = Math.max(al, ar);
        if (count === 0) {
          min = mix;
          max = mix;
          loudest = a;
        } else {
          if (mix < min) min = mix;
          else if (mix > max) max = mix;
          if (a > loudest) loudest = a;
        }
        if (++count === perPixel) {
          envelope?.addPixel(min, max, loudest);
          count = 0;
        }
      }
    }
    running[samplePeak] = peak;
    this.pixelFrames = count;
    running[pixelMin] = min;
    running[pixelMax] = max;
    running[pixelLoudest] = loudest;
  }

  /**
   * Runs of three or more samples at full scale in the block of `peakBlockFrames` ending at frame
   * `last`, carried over from the block before when a run crosses into it. A block that does not
   * reach full scale ends every run, so the carry is cleared where it is not looked at.
   */
  private countFlatTops(last: number, history: number) {
    const start = last - (last & (peakBlockFrames - 1));
    const carried = this.flatRunEnd === this.frames + start;
    let runLeft = carried ? this.flatRunLeft : 0;
    let runRight = carried ? this.flatRunRight : 0;
    for (let i = start; i <= last; i++) {
      const l = Math.abs(this.left[history + i]);
      const r = Math.abs(this.right[history + i]);
      if (l >= fullScale) {
        if (++runLeft === flatRunLength) this.flatTopRuns++;
      } else runLeft = 0;
      // Mono is its one channel twice: count it once.
      if (this.channels === 2 && r >= fullScale) {
        if (++runRight === flatRunLength) this.flatTopRuns++;
      } else runRight = 0;
    }
    this.flatRunLeft = runLeft;
    this.flatRunRight = runRight;
    this.flatRunEnd = this.frames + last + 1;
  }

  private closeSubBlocks(frames: number) {
    const total = this.openSubBlockFrames + frames;
    this.subBlockCount += Math.floor(total / this.subBlockFrames);
    this.openSubBlockFrames = total % this.subBlockFrames;
  }

  private ensureBuffers(frames: number, history: number) {
    if (this.left.length >= history + frames) return;
    const grow = (old: Float64Array) => {
      const grown = new Float64Array(history + frames);
      grown.set(old.subarray(0, history));
      return grown;
    };
    this.left = grow(this.left);
    this.right = grow(this.right);
    this.leftBlockMax = new Float64Array(Math.ceil(frames / peakBlockFrames));
    this.rightBlockMax = new Float64Array(Math.ceil(frames / peakBlockFrames));
  }

  private ensureSubBlocks(length: number) {
    if (length <= this.subBlocks.length) return;
    const grown = new Float64Array(Math.max(length, this.subBlocks.length * 2));
    grown.set(this.subBlocks);
    this.subBlocks = grown;
  }
}
