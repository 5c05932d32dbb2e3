import { Writable } from 'node:stream';

/**
 * A Writable for ffmpeg's stdout carrying interleaved 32-bit float little-endian PCM (`-f f32le`):
 * hands whole frames to `onFrames` as a Float32Array. Pipe chunks may split a frame, and a Buffer
 * from Node's pool may sit at an offset a Float32Array cannot view, so bytes are gathered into an
 * aligned buffer of our own first.
 */
export function floatPcmSink(channels: number, onFrames: (samples: Float32Array) => void): Writable {
  const frameBytes = 4 * channels;
  const buffer = new Uint8Array(1 << 20);
  let filled = 0;
  const flush = (final: boolean) => {
    const whole = filled - (filled % frameBytes);
    if (whole > 0) onFrames(new Float32Array(buffer.buffer, 0, whole / 4));
    if (final) return;
    buffer.copyWithin(0, whole, filled);
    filled -= whole;
  };
  return new Writable({
    // No 'close' event: fluent-ffmpeg treats a closing output stream as a failure and kills ffmpeg.
    emitClose: false,
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, callback) {
      try {
        let offset = 0;
        while (offset < chunk.length) {
          const take = Math.min(chunk.length - offset, buffer.length - filled);
          buffer.set(chunk.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled === buffer.length) flush(false);
        }
        // Hand over what arrived rather than wait for a full buffer: keeps the meter in step.
        if (filled >= 64 * 1024) flush(false);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    final(callback) {
      try {
        flush(true);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
