import { type ByteThreshold, CoveredRanges } from './byte-coverage.js';

/** One stored request, as the fold reads it back. */
export interface ServedRequest {
  at: number; // epoch ms
  method: string;
  status: number;
  rangeStart: number | null;
  rangeEnd: number | null;
  fileSize: number;
}

export const WINDOW_MS = 24 * 3600_000;

/**
 * Whether a request can add to a download: a GET answered with bytes (200, 206) or sent on to
 * the object store (302, which shows intent rather than bytes). HEAD, 304, 416 and the two-byte
 * probes Apple and others send (`bytes=0-1`) never count.
 */
export function countable(request: Omit<ServedRequest, 'at' | 'fileSize'>): boolean {
  return countableBytes(request) > 0;
}

/**
 * The bytes a request can add to a download: its range's length, or 0 when it cannot add any.
 * The recorder stores this with each request, so the fold's SQL can weigh requests without
 * repeating these rules.
 */
export function countableBytes(request: Omit<ServedRequest, 'at' | 'fileSize'>): number {
  if (request.method !== 'GET') return 0;
  if (request.status !== 200 && request.status !== 206 && request.status !== 302) return 0;
  if (request.rangeStart === null || request.rangeEnd === null) return 0;
  const length = request.rangeEnd - request.rangeStart + 1;
  return length > 2 ? length : 0;
}

/**
 * One listener's downloads of one episode, fed its requests in time order: the first countable
 * request opens a 24-hour window; the download counts when the window's merged ranges cover the
 * threshold (a minute of audio, or the whole file when shorter); further requests in that window
 * add nothing; the first countable request after it opens the next window.
 */
export class DownloadWindow {
  private start = Number.NEGATIVE_INFINITY;
  private done = false;
  /** Ranges per file size: a replaced recording starts its coverage afresh. */
  private covered: Map<number, CoveredRanges> | null = null;

  /** Adds a request; true when it is the one that makes the window a download. */
  add(request: ServedRequest, thresholdFor: (fileSize: number) => ByteThreshold): boolean {
    if (!countable(request)) return false;
    if (request.at >= this.start + WINDOW_MS) {
      this.start = request.at;
      this.done = false;
      this.covered = null;
    }
    if (this.done) return false;
    const threshold = thresholdFor(request.fileSize);
    const start = request.rangeStart!;
    const end = request.rangeEnd!;
    if (!this.covered && end - Math.max(start, threshold.audioStart) + 1 >= threshold.needed) {
      this.done = true; // the usual case: one request that covers enough on its own
      return true;
    }
    this.covered ??= new Map();
    let ranges = this.covered.get(request.fileSize);
    if (!ranges) {
      ranges = new CoveredRanges();
      this.covered.set(request.fileSize, ranges);
    }
    ranges.add({ start, end });
    if (ranges.coveredFrom(threshold.audioStart) < threshold.needed) return false;
    this.done = true;
    this.covered = null;
    return true;
  }
}

/** The moments a listener's requests (in time order) for one episode become downloads. */
export function countDownloads(
  requests: readonly ServedRequest[],
  thresholdFor: (fileSize: number) => ByteThreshold,
): number[] {
  const window = new DownloadWindow();
  return requests.filter((request) => window.add(request, thresholdFor)).map((request) => request.at);
}
