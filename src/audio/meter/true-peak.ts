/**
 * True peak (ITU-R BS.1770-4 Annex 2): the highest level of the signal between its samples, found
 * by 4x oversampling (2x from 96 kHz, none from 192 kHz) with the interpolator libebur128 uses, a
 * 49-tap Hann-windowed sinc split into one sub-filter per phase.
 *
 * Interpolating every sample is the expensive part of metering (36 multiplications per sample and
 * channel), and almost all of it cannot change the answer: an interpolated value is at most
 * `bound` (the largest sum of a sub-filter's absolute taps) times the largest sample it is made of.
 * So values are interpolated only near samples that, times that bound, could beat the peak found
 * so far. The answer is exactly that of interpolating everything.
 */
const taps = 49;

/** One channel's true-peak meter. */
export class TruePeakMeter {
  private readonly factor: number;
  /** phases[p - 1] holds the taps of phase p (1..factor-1); phase 0 is the sample itself. */
  private readonly phases: Float64Array[];
  private readonly bound: number;
  /** Taps per phase minus one: how many earlier samples an interpolated value reaches back. */
  readonly history: number;
  private peak = 0;
  /** The last `history` samples seen, and the largest of them. */
  private readonly tail: Float64Array;
  private tailMax = 0;
  private scratchBuffer = new Float64Array(0);

  constructor(sampleRate: number) {
    this.factor = sampleRate < 96000 ? 4 : sampleRate < 192000 ? 2 : 1;
    const perPhase = Math.ceil(taps / this.factor);
    this.history = perPhase - 1;
    this.phases = [];
    let bound = 1;
    for (let p = 1; p < this.factor; p++) {
      const phase = new Float64Array(perPhase);
      for (let k = 0; k < perPhase; k++) {
        const j = p + k * this.factor;
        if (j >= taps) continue;
        const m = j - (taps - 1) / 2;
        const sinc = Math.sin((m * Math.PI) / this.factor) / ((m * Math.PI) / this.factor);
        phase[k] = sinc * 0.5 * (1 - Math.cos((2 * Math.PI * j) / (taps - 1)));
      }
      bound = Math.max(
        bound,
        phase.reduce((sum, c) => sum + Math.abs(c), 0),
      );
      this.phases.push(phase);
    }
    this.bound = bound;
    this.tail = new Float64Array(this.history);
  }

  /**
   * Scans one channel of interleaved `samples` (channel `offset` of `stride`), `frames` long, the
   * tail of the previous call remembered. `blockMax[b]` is the largest absolute sample of block b
   * (blocks of `blockFrames`), as the caller found it on its own pass: whole blocks too quiet to
   * matter are skipped without a look, and a block that might matter is copied out and
   * interpolated.
   */
  scan(
    samples: Float32Array,
    stride: number,
    offset: number,
    frames: number,
    blockMax: Float64Array,
    blockFrames: number,
  ): void {
    const { history, bound, tail } = this;
    if (this.phases.length > 0) {
      const blocks = Math.ceil(frames / blockFrames);
      let previous = this.tailMax;
      for (let b = 0; b < blocks; b++) {
        const current = blockMax[b];
        if (current > this.peak) this.peak = current;
        // An interpolated value in this block is made of this block and the tail of the one before.
        if (Math.max(current, previous) * bound > this.peak) {
          const start = b * blockFrames;
          const length = Math.min(frames, start + blockFrames) - start;
          const scratch = this.scratch(history + length);
          for (let i = 0; i < history + length; i++) {
            const frame = start - history + i;
            scratch[i] = frame >= 0 ? samples[frame * stride + offset] : tail[history + frame];
          }
          this.interpolate(scratch, history, history + length);
        }
        previous = current;
      }
    }
    // Remember the last samples for the next call's first block.
    if (frames >= history) {
      for (let i = 0; i < history; i++) tail[i] = samples[(frames - history + i) * stride + offset];
    } else {
      tail.copyWithin(0, frames);
      for (let i = 0; i < frames; i++) tail[history - frames + i] = samples[i * stride + offset];
    }
    let tailMax = 0;
    for (let i = 0; i < history; i++) tailMax = Math.max(tailMax, Math.abs(tail[i]));
    this.tailMax = tailMax;
  }

  private scratch(length: number): Float64Array {
    if (this.scratchBuffer.length < length) this.scratchBuffer = new Float64Array(length);
    return this.scratchBuffer;
  }

  /** Interpolates `samples[start .. end)` where a loud enough sample is near: within `history` before. */
  private interpolate(samples: Float64Array, start: number, end: number) {
    const { history, phases, bound } = this;
    const p1 = phases[0];
    const p2 = phases[1] ?? p1;
    const p3 = phases[2] ?? p1;
    let peak = this.peak;
    let lastHot = start - history - 1;
    for (let i = start - history; i < start; i++) {
      if (Math.abs(samples[i]) * bound > peak) lastHot = i;
    }
    for (let n = start; n < end; n++) {
      if (Math.abs(samples[n]) * bound > peak) lastHot = n;
      if (n - lastHot > history) continue;
      // Phases 1 to 3 at once (with fewer phases the spare sums repeat phase 1).
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k <= history; k++) {
        const x = samples[n - k];
        s1 += p1[k] * x;
        s2 += p2[k] * x;
        s3 += p3[k] * x;
      }
      peak = Math.max(peak, Math.abs(s1), Math.abs(s2), Math.abs(s3));
    }
    this.peak = peak;
  }

  /** Highest absolute level seen, linear (1.0 = full scale). */
  get value(): number {
    return this.peak;
  }
}
