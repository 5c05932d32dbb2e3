/** What a loudness meter reports (EBU R128 / ITU-R BS.1770): the figures the gain plan needs. */
export interface LoudnessMeasurement {
  /** Integrated loudness (LUFS); -70 for silence. */
  integratedLufs: number;
  /** Highest true peak over all channels (dBTP); -99 stands for none (digital silence). */
  truePeakDbtp: number;
  /** Loudness range (LU). */
  lra: number;
  /** The relative gate of the integrated measurement (LUFS), loudnorm's `measured_thresh`. */
  thresholdLufs: number;
  /**
   * loudnorm's residual correction for a dynamic second pass (its `target_offset`); 0 when measured
   * with ebur128, which has no such figure (the linear path does not need one).
   */
  targetOffset: number;
}
