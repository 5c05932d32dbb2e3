/**
 * Folds a stream of signed 16-bit little-endian mono samples into min/max pairs per pixel, at 8 bits
 * like audiowaveform's `-b 8` output. Memory grows with the number of pixels, never with the audio.
 */
export class PeaksAccumulator {
  private data = new Int8Array(4096);
  private length = 0;
  private count = 0;
  private min = 0;
  private max = 0;
  // A chunk may end in the middle of a sample; its first byte waits here.
  private carry: number | null = null;

  constructor(readonly samplesPerPixel: number) {
    if (!Number.isInteger(samplesPerPixel) || samplesPerPixel < 1) {
      throw new RangeError(`samplesPerPixel must be a positive integer, got ${samplesPerPixel}`);
    }
  }

  push(chunk: Buffer): void {
    let bytes = chunk;
    if (this.carry !== null) {
      bytes = Buffer.concat([Buffer.from([this.carry]), chunk]);
      this.carry = null;
    }
    const whole = bytes.length - (bytes.length % 2);
    if (whole < bytes.length) this.carry = bytes[bytes.length - 1];
    // Int16Array needs an even byte offset, which a Buffer sliced from Node's pool may lack.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : new Uint8Array(bytes.subarray(0, whole));
    // ffmpeg writes s16le and every platform Node runs on is little-endian.
    const samples = new Int16Array(aligned.buffer, aligned.byteOffset, whole / 2);
    const perPixel = this.samplesPerPixel;
    let { count, min, max } = this;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      if (count === 0) {
        min = s;
        max = s;
      } else if (s < min) min = s;
      else if (s > max) max = s;
      if (++count === perPixel) {
        this.store(min, max);
        count = 0;
      }
    }
    this.count = count;
    this.min = min;
    this.max = max;
  }

  /** The min/max pairs, the last (partial) pixel included. */
  finish(): number[] {
    if (this.count > 0) this.store(this.min, this.max);
    this.count = 0;
    return Array.from(this.data.subarray(0, this.length));
  }

  private store(min: number, max: number) {
    if (this.length + 2 > this.data.length) {
      const grown = new Int8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    // 16 to 8 bits: keep the top byte (an arithmetic shift floors, so -1 stays -1, not 0).
    this.data[this.length++] = min >> 8;
    this.data[this.length++] = max >> 8;
  }
}
