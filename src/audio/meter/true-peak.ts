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

export class TruePeakMeter {
  private readonly factor: number;
  /** phases[p - 1] holds the taps of phase p (1..factor-1); phase 0 is the sample itself. */
  private readonly phases: Float64Array[];
  private readonly bound: number;
  /** Taps per phase minus one: how many earlier samples an interpolated value reaches back. */
  readonly history: number;
  private peak = 0;

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
  }

  /**
   * Scans `samples[history .. history + frames)` of one channel; `samples[0 .. history)` must hold
   * the samples that came just before (zeros at the start). `blockMax[b]` is the largest absolute
   * sample of `samples[history + b * blockFrames ...]` (blocks of `blockFrames`), as the caller
   * found them on its own pass: whole blocks too quiet to matter are skipped without a look.
   */
  scan(samples: Float64Array, frames: number, blockMax: Float64Array, blockFrames: number): void {
    const { history, bound } = this;
    if (this.phases.length === 0) return;
    const blocks = Math.ceil(frames / blockFrames);
    let previous = 0;
    for (let i = 0; i < history; i++) previous = Math.max(previous, Math.abs(samples[i]));
    for (let b = 0; b < blocks; b++) {
      const current = blockMax[b];
      if (current > this.peak) this.peak = current;
      // An interpolated value in this block is made of this block and the tail of the one before.
      if (Math.max(current, previous) * bound > this.peak) {
        const start = history + b * blockFrames;
        this.interpolate(samples, start, Math.min(history + frames, start + blockFrames));
      }
      previous = current;
    }
  }

  /** Interpolates where a loud enough sample is near: within `history` samples before. */
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
