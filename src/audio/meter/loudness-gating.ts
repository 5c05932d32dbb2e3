/**
 * The gated measurements of EBU R128 from a list of 100 ms mean-square energies (K-weighted,
 * channel-weighted): integrated loudness (ITU-R BS.1770-4: 400 ms blocks overlapping by 75 %,
 * absolute gate -70 LUFS, relative gate -10 LU) and loudness range (EBU Tech 3342: 3 s blocks every
 * 100 ms, gates -70 LUFS and -20 LU, spread between the 10th and 95th percentile).
 */
export interface GatedLoudness {
  /** LUFS; -70 when nothing passed the gates (silence, or shorter than 400 ms). */
  integratedLufs: number;
  /** The relative gate of the integrated measurement, LUFS (loudnorm's `measured_thresh`). */
  thresholdLufs: number;
  /** LU; 0 when shorter than 3 s or silent. */
  lra: number;
}

const absoluteGateLufs = -70;

export function lufs(energy: number): number {
  return energy > 0 ? -0.691 + 10 * Math.log10(energy) : Number.NEGATIVE_INFINITY;
}

function energyOf(loudness: number): number {
  return 10 ** ((loudness + 0.691) / 10);
}

/** Mean energies of every window of `width` sub-blocks, one per sub-block step. */
function windows(subBlocks: ArrayLike<number>, count: number, width: number): Float64Array {
  const out = new Float64Array(Math.max(0, count - width + 1));
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += subBlocks[i];
    if (i >= width) sum -= subBlocks[i - width];
    if (i >= width - 1) out[i - width + 1] = Math.max(0, sum) / width;
  }
  return out;
}

export function gateLoudness(subBlocks: ArrayLike<number>, count: number): GatedLoudness {
  const absoluteEnergy = energyOf(absoluteGateLufs);

  const momentary = windows(subBlocks, count, 4);
  let sum = 0;
  let n = 0;
  for (const e of momentary) {
    if (e > absoluteEnergy) {
      sum += e;
      n++;
    }
  }
  let integratedLufs = absoluteGateLufs;
  let thresholdLufs = absoluteGateLufs;
  if (n > 0) {
    const relativeEnergy = (sum / n) * 10 ** (-10 / 10);
    thresholdLufs = lufs(relativeEnergy);
    let gatedSum = 0;
    let gatedN = 0;
    for (const e of momentary) {
      if (e > absoluteEnergy && e > relativeEnergy) {
        gatedSum += e;
        gatedN++;
      }
    }
    if (gatedN > 0) integratedLufs = lufs(gatedSum / gatedN);
  }

  const shortTerm = windows(subBlocks, count, 30);
  const passing = shortTerm.filter((e) => e > absoluteEnergy);
  let lra = 0;
  if (passing.length > 0) {
    const mean = passing.reduce((a, b) => a + b, 0) / passing.length;
    const relativeEnergy = mean * 10 ** (-20 / 10);
    const gated = passing.filter((e) => e > relativeEnergy).sort();
    if (gated.length > 0) {
      const at = (q: number) => lufs(gated[Math.min(gated.length - 1, Math.round((gated.length - 1) * q))]);
      lra = at(0.95) - at(0.1);
    }
  }
  return { integratedLufs, thresholdLufs, lra };
}
