/** A stretch of silence found by the meter (a leaf: the envelope and the report both use it). */
export interface Silence {
  /** Seconds from the start of the file. */
  start: number;
  end: number;
}
