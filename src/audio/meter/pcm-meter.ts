import { kWeightingFilters } from './k-weighting.js';
import { type GatedLoudness, gateLoudness } from './loudness-gating.js';
import { TruePeakMeter } from './true-peak.js';
import { WaveformEnvelope } from './waveform-envelope.js';

export interface PcmMeterOptions {
  sampleRate: number;
  channels: number;
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
  private readonly channels: number;
  private readonly sampleRate: number;
  private readonly coefficients: Float64Array;
  /** Per channel: the two biquads' state (z1, z2 each). */
  private readonly state: Float64Array;
  private readonly truePeak: TruePeakMeter;
  private readonly subBlockFrames: number;
  private subBlocks = new Float64Array(1024);
  private subBlockCount = 0;
  private openSubBlockSum = 0;
  private openSubBlockFrames = 0;
  /** Deinterleaved samples of one chunk per channel, the true-peak history in front. */
  private planes: Float64Array[] = [];
  private blockMax = new Float64Array(0);
  private frames = 0;
  private samplePeak = 0;
  private flatTopRuns = 0;
  private readonly flatRun: Int32Array;
  private readonly envelope?: WaveformEnvelope;

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
    this.state = new Float64Array(this.channels * 4);
    this.truePeak = new TruePeakMeter(options.sampleRate);
    this.subBlockFrames = Math.round(options.sampleRate / 10);
    this.flatRun = new Int32Array(this.channels);
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
    const history = this.truePeak.history;
    this.ensurePlanes(frames, history);
    const firstNewSubBlock = this.subBlockCount;
    for (let ch = 0; ch < channels; ch++) {
      this.weighAndTrack(ch, samples, frames, history, firstNewSubBlock);
      this.truePeak.scan(this.planes[ch], frames, this.blockMax, peakBlockFrames);
    }
    this.closeSubBlocks(frames);
    this.envelope?.addFrames(this.planes, history, history + frames);
    for (const plane of this.planes) plane.copyWithin(0, frames, frames + history);
    this.frames += frames;
  }

  finish(): PcmMeterResult {
    const end = this.frames;
    this.envelope?.finish();
    return {
      ...gateLoudness(this.subBlocks, this.subBlockCount),
      frames: end,
      durationSeconds: end / this.sampleRate,
      samplePeak: this.samplePeak,
      truePeak: Math.max(this.truePeak.value, this.samplePeak),
      flatTopRuns: this.flatTopRuns,
      envelope: this.envelope,
    };
  }

  private ensurePlanes(frames: number, history: number) {
    if (this.planes.length && this.planes[0].length >= history + frames) return;
    this.planes = Array.from({ length: this.channels }, (_, ch) => {
      const grown = new Float64Array(history + frames);
      if (this.planes[ch]) grown.set(this.planes[ch].subarray(0, history));
      return grown;
    });
    this.blockMax = new Float64Array(Math.ceil(frames / peakBlockFrames));
  }

  /**
   * K-weights one channel of the interleaved `samples` and adds its energy to the 100 ms
   * sub-blocks (this chunk's start at `firstSubBlock`; the open one carries over between chunks).
   * In the same loop: copies the channel into its plane (for the true-peak scan), and tracks the
   * sample peak, the largest sample of each block of `peakBlockFrames`, and flat tops.
   */
  private weighAndTrack(
    ch: number,
    samples: Float32Array,
    frames: number,
    history: number,
    firstSubBlock: number,
  ) {
    const channels = this.channels;
    const plane = this.planes[ch];
    const blockMax = this.blockMax;
    const c = this.coefficients;
    const b0 = c[0];
    const b1 = c[1];
    const b2 = c[2];
    const a1 = c[3];
    const a2 = c[4];
    const d0 = c[5];
    const d1 = c[6];
    const d2 = c[7];
    const e1 = c[8];
    const e2 = c[9];
    const s = this.state;
    let z1 = s[ch * 4];
    let z2 = s[ch * 4 + 1];
    let w1 = s[ch * 4 + 2];
    let w2 = s[ch * 4 + 3];
    const blockFrames = this.subBlockFrames;
    let inBlock = this.openSubBlockFrames;
    let sum = ch === 0 ? this.openSubBlockSum : 0;
    let block = firstSubBlock;
    this.ensureSubBlocks(firstSubBlock + Math.ceil(frames / blockFrames) + 1);
    const blocks = this.subBlocks;
    let peak = this.samplePeak;
    let run = this.flatRun[ch];
    let runs = this.flatTopRuns;
    let loudest = 0;
    for (let i = 0, j = ch; i < frames; i++, j += channels) {
      const x = samples[j];
      plane[history + i] = x;
      // Two biquads, transposed direct form II.
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      const v = d0 * y + w1;
      w1 = d1 * y - e1 * v + w2;
      w2 = d2 * y - e2 * v;
      sum += v * v;
      if (++inBlock === blockFrames) {
        blocks[block++] += sum;
        sum = 0;
        inBlock = 0;
      }
      const a = x < 0 ? -x : x;
      if (a > loudest) loudest = a;
      if ((i & (peakBlockFrames - 1)) === peakBlockFrames - 1 || i === frames - 1) {
        blockMax[i >> peakBlockShift] = loudest;
        if (loudest > peak) peak = loudest;
        loudest = 0;
        // In digital silence the filter state decays towards zero and, within a few thousand
        // samples, below 1e-308 into subnormal numbers that cost the CPU some fifty times more
        // per operation. Nothing that small can be heard or measured: flush it.
        if (z1 < tiny && z1 > -tiny) z1 = 0;
        if (z2 < tiny && z2 > -tiny) z2 = 0;
        if (w1 < tiny && w1 > -tiny) w1 = 0;
        if (w2 < tiny && w2 > -tiny) w2 = 0;
      }
      if (a >= fullScale) {
        if (++run === flatRunLength) runs++;
      } else run = 0;
    }
    blocks[block] += sum;
    s[ch * 4] = z1;
    s[ch * 4 + 1] = z2;
    s[ch * 4 + 2] = w1;
    s[ch * 4 + 3] = w2;
    this.samplePeak = peak;
    this.flatRun[ch] = run;
    this.flatTopRuns = runs;
  }

  /** Turns the sums of the sub-blocks this chunk completed into mean energies. */
  private closeSubBlocks(frames: number) {
    const total = this.openSubBlockFrames + frames;
    const completed = Math.floor(total / this.subBlockFrames);
    const first = this.subBlockCount;
    for (let j = first; j < first + completed; j++) this.subBlocks[j] /= this.subBlockFrames;
    this.subBlockCount += completed;
    this.openSubBlockFrames = total % this.subBlockFrames;
    // The open sub-block's running sum sits in the array; take it out, so the next chunk's
    // channel 0 carries it and the slot is clean for all channels again.
    this.openSubBlockSum = this.subBlocks[this.subBlockCount];
    this.subBlocks[this.subBlockCount] = 0;
  }

  private ensureSubBlocks(length: number) {
    if (length <= this.subBlocks.length) return;
    const grown = new Float64Array(Math.max(length, this.subBlocks.length * 2));
    grown.set(this.subBlocks);
    this.subBlocks = grown;
  }
}
