/** A served byte range, inclusive at both ends as in Content-Range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * What one minute of audio is in bytes for a file: its ID3v2 tag (metadata and cover art, not
 * audio) plus sixty seconds at the file's average bitrate. A file shorter than a minute must be
 * served whole. Both per the IAB Tech Lab podcast measurement guidelines.
 */
export interface ByteThreshold {
  audioStart: number;
  size: number;
  /** Audio bytes (after the tag) that must be covered. */
  needed: number;
}

export function byteThreshold(file: {
  size: number;
  durationSeconds: number | null;
  id3Size: number;
}): ByteThreshold {
  const audioStart = Math.min(file.id3Size, file.size);
  const audioBytes = file.size - audioStart;
  const duration = file.durationSeconds ?? 0;
  if (!(duration > 60) || audioBytes <= 0)
    return { audioStart, size: file.size, needed: Math.max(audioBytes, 1) };
  const bytesPerSecond = audioBytes / duration;
  return { audioStart, size: file.size, needed: Math.ceil(bytesPerSecond * 60) };
}

/**
 * Merged ranges (overlaps counted once) and the audio bytes they cover. Kept sorted and merged
 * on each add, so a listener's many small reads stay a short list.
 */
export class CoveredRanges {
  private ranges: ByteRange[] = [];

  add(range: ByteRange): void {
    const merged: ByteRange[] = [];
    let current = { ...range };
    for (const r of this.ranges) {
      if (r.end + 1 < current.start) merged.push(r);
      else if (current.end + 1 < r.start) {
        merged.push(current);
        current = r;
      } else current = { start: Math.min(r.start, current.start), end: Math.max(r.end, current.end) };
    }
    merged.push(current);
    this.ranges = merged.sort((a, b) => a.start - b.start);
  }

  /** Bytes covered from `from` on (the audio after the ID3 tag). */
  coveredFrom(from: number): number {
    let total = 0;
    for (const r of this.ranges) {
      const start = Math.max(r.start, from);
      if (r.end >= start) total += r.end - start + 1;
    }
    return total;
  }
}

/**
 * The size of an ID3v2 tag from the file's first ten bytes (0 when there is none): 10 header bytes,
 * the syncsafe size, and 10 more when the footer flag is set.
 */
export function id3TagSize(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0;
  if ((head[6] | head[7] | head[8] | head[9]) & 0x80) return 0;
  const size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9];
  const footer = head[5] & 0x10 ? 10 : 0;
  return 10 + size + footer;
}
