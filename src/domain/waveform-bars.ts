import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { BlobStore } from '../storage/blob-store.js';

const BAR_COUNT = 160;
const MAX_PEAKS_BYTES = 32 * 1024 * 1024;
const CACHE_SIZE = 500;

/**
 * Folds BBC audiowaveform v2 data ([min, max, …]) into `count` bars scaled so the loudest is 100.
 * Scaling to the loudest bar keeps the shape readable for quiet and loud episodes alike.
 */
export function peaksToBars(data: readonly number[], count = BAR_COUNT): number[] {
  const pixels = Math.floor(data.length / 2);
  if (pixels === 0) return [];
  const bars: number[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * pixels) / count);
    const to = Math.max(from + 1, Math.floor(((i + 1) * pixels) / count));
    let peak = 0;
    for (let p = from; p < to && p < pixels; p++) {
      peak = Math.max(peak, Math.abs(data[2 * p]), Math.abs(data[2 * p + 1]));
    }
    bars.push(peak);
  }
  const loudest = Math.max(...bars) || 1;
  return bars.map((b) => Math.round((b / loudest) * 100));
}

/**
 * An episode's waveform as the player draws it, from the peaks file processing stored. Each
 * version is read once and kept (the last `CACHE_SIZE` versions), so a busy page costs no reads.
 */
export function createWaveformBars(store: BlobStore) {
  const cache = new Map<string, number[]>();

  /** A missing or broken peaks file only costs the waveform. */
  return async function barsOf(episode: EpisodeRecord): Promise<number[]> {
    const key = episode.extra.peaksKey;
    if (!key) return [];
    const cacheKey = `${key}@${episode.updated_at}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    let bars: number[] = [];
    try {
      const { body, size } = await store.get(key);
      if (size > MAX_PEAKS_BYTES) {
        body.destroy();
        return [];
      }
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown };
      if (Array.isArray(json.data)) bars = peaksToBars(json.data.map(Number));
    } catch {
      return [];
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, bars);
    return bars;
  };
}
