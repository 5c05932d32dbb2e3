import { Writable } from 'node:stream';

/** Interleaved little-endian PCM on ffmpeg's stdout: 32-bit float, or 16-bit integer (half the bytes). */
export type PcmFormat = 'f32le' | 's16le';

/**
 * A Writable for ffmpeg's stdout carrying interleaved PCM: hands whole frames to `onFrames` as
 * floats (full scale 1.0). Pipe chunks may split a frame, and a Buffer from Node's pool may sit at
 * an offset a typed array cannot view, so bytes are gathered into an aligned buffer first.
 */
export function pcmSink(
  format: PcmFormat,
  channels: number,
  onFrames: (samples: Float32Array) => void,
): Writable {
  const frameBytes = (format === 'f32le' ? 4 : 2) * channels;
  const buffer = new Uint8Array(1 << 20);
  // 16-bit samples are handed over as floats too, so the meter has one kind of array to read.
  const floats = format === 's16le' ? new Float32Array(buffer.length / 2) : undefined;
  let filled = 0;
  const flush = (final: boolean) => {
    const whole = filled - (filled % frameBytes);
    if (whole > 0 && floats) {
      const ints = new Int16Array(buffer.buffer, 0, whole / 2);
      for (let i = 0; i < ints.length; i++) floats[i] = ints[i] * (1 / 32768);
      onFrames(floats.subarray(0, ints.length));
    } else if (whole > 0) {
      onFrames(new Float32Array(buffer.buffer, 0, whole / 4));
    }
    if (final) return;
    buffer.copyWithin(0, whole, filled);
    filled -= whole;
  };
  return new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, callback) {
      try {
        let offset = 0;
        // 16-bit, nothing waiting and the chunk aligned (the usual case): convert straight from
        // the chunk, sparing a copy; only a split frame at its end waits in the buffer.
        if (floats && filled === 0 && chunk.byteOffset % 2 === 0) {
          const whole = Math.min(chunk.length - (chunk.length % frameBytes), floats.length * 2);
          const ints = new Int16Array(chunk.buffer, chunk.byteOffset, whole / 2);
          for (let i = 0; i < ints.length; i++) floats[i] = ints[i] * (1 / 32768);
          if (ints.length > 0) onFrames(floats.subarray(0, ints.length));
          offset = whole;
        }
        while (offset < chunk.length) {
          const take = Math.min(chunk.length - offset, buffer.length - filled);
          buffer.set(chunk.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled === buffer.length) flush(false);
        }
        // Hand over what arrived rather than wait for a full buffer: chunks of about 64 KB keep
        // the meter's working set in the CPU's cache.
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
