import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { OverlayOptions, Sharp } from 'sharp';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { Database } from '../db/database.js';
import { findEpisodeByEnclosurePath, findEpisodeBySlug } from '../db/repositories/episodes-repository.js';
import {
  deleteMediaFile,
  listMediaFilesOfEpisode,
  upsertMediaFile,
} from '../db/repositories/media-files-repository.js';
import { findShowById, findShowBySlug } from '../db/repositories/shows-repository.js';
import { loadSharp } from '../images/load-sharp.js';
import type { BlobStore } from '../storage/blob-store.js';
import { resolveLanguage } from './index.js';

/** What a draft keeps of the image it goes with. */
export interface ShareImage {
  key: string;
  alt: string;
  width: number;
  height: number;
}

const WIDTH = 1200;
const HEIGHT = 630;
const ROLE = 'share-image';
/** Bump when the layout changes, so every image is drawn again on the next generate. */
const LAYOUT = 2;
const ART = 400;
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Wide: CJK, Hangul, fullwidth forms and emoji take about a full em; other letters about 0.6.
const wide =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

/**
 * The episode's share image (1200×630 PNG, also its Open Graph image): the artwork, blurred as
 * a background and sharp beside the title. Stored under a version that is a hash of what is
 * drawn, so generating twice with the same input stores nothing new.
 */
export function createShareImages(deps: { db: Kysely<Database>; store: BlobStore; clock: Clock }) {
  const { db, store, clock } = deps;

  async function readArtwork(
    episode: EpisodeRecord,
    show: ShowRecord,
  ): Promise<{ key: string; data: Buffer } | null> {
    const stored = episode.artwork ?? show.artwork;
    if (!stored) return null;
    const keys = stored.keys;
    const key = keys['600'] ?? keys['1400'] ?? Object.values(keys)[0];
    if (!key) return null;
    const { body } = await store.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    return { key, data: Buffer.concat(chunks) };
  }

  /** Draws and stores the image unless this exact one is already stored. */
  async function ensure(episode: EpisodeRecord, show: ShowRecord): Promise<ShareImage> {
    const language = resolveLanguage(show.language);
    const alt = shareImageAlt(episode.title, show.title, language);
    // The stored JSON text, as the version was always computed from it.
    const stored = episode.artwork ?? show.artwork;
    const artworkKey = stored ? JSON.stringify(stored) : '';
    const version = createHash('sha256')
      .update(JSON.stringify([LAYOUT, artworkKey, episode.title, show.title]))
      .digest('hex')
      .slice(0, 16);
    const key = `episodes/${episode.id}/share/${version}.png`;
    const existing = await listMediaFilesOfEpisode(db, episode.id);
    if (existing.some((file) => file.key === key)) return { key, alt, width: WIDTH, height: HEIGHT };

    const artwork = await readArtwork(episode, show);
    const png = await renderShareImage(episode.title, show.title, artwork?.data ?? null);
    const put = await store.put(key, Readable.from([png]), { contentType: 'image/png' });
    await upsertMediaFile(db, {
      id: newId(),
      episode_id: episode.id,
      show_id: null,
      role: ROLE,
      key,
      size: put.size,
      sha256: put.sha256,
      mime_type: 'image/png',
      duration_seconds: null,
      created_at: clock.now().toISOString(),
    });
    // The public URL names no version, so older drawings are garbage now.
    for (const old of existing.filter((file) => file.role === ROLE)) {
      await store.delete(old.key).catch(() => {});
      await deleteMediaFile(db, old.key);
    }
    return { key, alt, width: WIDTH, height: HEIGHT };
  }

  return {
    ensure,

    /** The newest share image of a published episode, for its public URL; null otherwise. */
    async resolvePublic(showSlug: string, episodeSlug: string) {
      const show = await findShowBySlug(db, showSlug);
      const episode =
        (await findEpisodeByEnclosurePath(db, `${showSlug}/${episodeSlug}.mp3`)) ??
        (show ? await findEpisodeBySlug(db, show.id, episodeSlug) : undefined);
      if (episode?.status !== 'published') return null;
      const newest = async () => {
        const files = (await listMediaFilesOfEpisode(db, episode.id)).filter((file) => file.role === ROLE);
        files.sort((a, b) => b.created_at.localeCompare(a.created_at));
        return files[0] ?? null;
      };
      const stored = await newest();
      if (stored || !show) return stored;
      // The page names this image as og:image from the moment it is public; draws made with the
      // social drafts may not have run yet, so the first request draws it.
      const owner = await findShowById(db, episode.show_id);
      if (!owner) return null;
      await ensure(episode, owner);
      return newest();
    },
  };
}

export type ShareImages = ReturnType<typeof createShareImages>;

/** Describes what the image shows, for screen readers and the og:image:alt tag. */
export function shareImageAlt(title: string, showTitle: string, language: 'nl' | 'en'): string {
  return language === 'en'
    ? `Artwork of ${showTitle} with the episode title: ${title}`
    : `Omslagafbeelding van ${showTitle} met de titel van de aflevering: ${title}`;
}

async function renderShareImage(title: string, showTitle: string, artwork: Buffer | null): Promise<Buffer> {
  const sharp = await loadSharp();
  const layers: OverlayOptions[] = [];
  let background: Sharp;
  if (artwork) {
    // The artwork was checked at upload; the pixel limit still guards against a swapped blob.
    const source = () => sharp(artwork, { limitInputPixels: 3000 * 3000 * 2 });
    background = source().resize(WIDTH, HEIGHT, { fit: 'cover' }).blur(30).modulate({ brightness: 0.45 });
    const square = await source().resize(ART, ART, { fit: 'cover' }).png().toBuffer();
    layers.push({ input: square, left: 70, top: (HEIGHT - ART) / 2 });
  } else {
    background = sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#1d3b5c' } });
  }
  const textLeft = artwork ? 70 + ART + 60 : 80;
  layers.push({
    input: Buffer.from(titleSvg(title, showTitle, textLeft, WIDTH - textLeft - 70)),
    left: 0,
    top: 0,
  });
  const base = await background.flatten({ background: '#1d3b5c' }).png().toBuffer();
  return sharp(base).composite(layers).png({ compressionLevel: 9 }).toBuffer();
}

/** The title as SVG text, wrapped by an estimate of glyph widths (SVG has no text wrapping). */
function titleSvg(title: string, showTitle: string, x: number, width: number): string {
  const size = [...graphemes.segment(title)].length > 60 ? 40 : 50;
  const lines = wrap(clean(title), width / size, 6);
  const lineHeight = Math.round(size * 1.25);
  const top = Math.max(150, (HEIGHT - lines.length * lineHeight) / 2 + size);
  const tspans = lines
    .map((line, i) => `<tspan x="${x}" y="${top + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  const show = wrap(clean(showTitle), width / 28, 1)[0] ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
<text x="${x}" y="${top - size - 30}" font-family="${FONT}" font-size="28" fill="#ffffff" fill-opacity="0.85">${escapeXml(show)}</text>
<text font-family="${FONT}" font-size="${size}" font-weight="bold" fill="#ffffff">${tspans}</text>
</svg>`;
}

/** Greedy word wrap in ems; a word wider than a line is split between graphemes; "…" when cut. */
export function wrap(text: string, ems: number, maxLines: number): string[] {
  const measure = (s: string) => {
    let total = 0;
    for (const { segment } of graphemes.segment(s)) total += wide.test(segment) ? 1 : 0.6;
    return total;
  };
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= ems) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const { segment } of graphemes.segment(word)) {
      if (measure(line + segment) > ems) {
        lines.push(line);
        line = '';
      }
      line += segment;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  // Shortened by whole words; only a single word too long for the line is cut inside.
  const words = kept[maxLines - 1].split(' ');
  while (words.length > 1 && measure(`${words.join(' ')}…`) > ems) words.pop();
  let last = [...graphemes.segment(words.join(' '))].map((s) => s.segment);
  while (last.length > 0 && measure(`${last.join('')}…`) > ems) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.join('').replace(/[\s,;:–-]+$/, '')}…`;
  return kept;
}

/** One line of text: XML 1.0 forbids most control characters and lone surrogates outright. */
function clean(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
