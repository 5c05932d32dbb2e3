import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';

/**
 * iframe sizes (CSS pixels) for oEmbed and the Twitter player card: what the embed renders at
 * the default width with chapters and transcript folded, so the host page shows no empty band
 * below the player. The parts were measured in Chromium at 640 px (player.css, 16 px root):
 *
 *   episode embed = 182 + head + 53 per folded panel (chapters, transcript)
 *   show embed    = 222 + head + one row per listed episode (at most 10)
 *   head          = the 64 px artwork, or the show line (21) and title lines (23.4 each) if taller
 *   playlist row  = 44 px (the touch-target minimum), or 10 + 24 per line when its title wraps
 *
 * Line counts are estimated from the text (average glyph widths of a sans-serif), so a title
 * rendered in a narrower or wider font may differ by a line; anything taller than the frame
 * (an opened panel, a wider font) scrolls inside it. The player works from 280 px wide.
 */
export const EMBED_WIDTH = 640;
export const MIN_EMBED_WIDTH = 280;
export const SHOW_EMBED_EPISODES = 10;

const BODY_PADDING = 12;
const ART = 64;
const ART_GAP = 12;
const EPISODE_FRAME = 182;
const SHOW_FRAME = 222;
const PANEL = 53;
const SHOW_LINE = 21;
const TITLE_LINE = 23.4;
const ROW_MIN = 44;
const ROW_LINE = 24;
const ROW_PADDING = 10;
/** Width of a playlist row's duration, gap and padding beside its title. */
const ROW_ASIDE = 82;

export interface EmbedSize {
  width: number;
  height: number;
}

/** Lines a text takes when wrapped on spaces in `width` px of a font `size` px, glyphs ~`em` wide. */
export function wrappedLines(text: string, width: number, size: number, em: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * em)));
  let lines = 1;
  let used = 0;
  for (const word of text.trim().split(/\s+/)) {
    const length = [...word].length;
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines++;
      used = length;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

function headHeight(show: PublicShow, episode: PublicEpisode): number {
  const hasArt = Boolean(episode.artworkUrl);
  const width = EMBED_WIDTH - 2 * BODY_PADDING - (hasArt ? ART + ART_GAP : 0);
  const text =
    wrappedLines(show.title, width, 14, 0.56) * SHOW_LINE +
    wrappedLines(episode.title, width, 18, 0.62) * TITLE_LINE;
  return Math.max(hasArt ? ART : 0, text);
}

function rowHeight(episode: PublicEpisode): number {
  const width = EMBED_WIDTH - 2 * BODY_PADDING - ROW_ASIDE;
  return Math.max(ROW_MIN, ROW_PADDING + wrappedLines(episode.title, width, 16, 0.56) * ROW_LINE);
}

/** The episode embed with its chapters and transcript panels (when it has them) folded. */
export function episodeEmbedSize(show: PublicShow, episode: PublicEpisode): EmbedSize {
  const panels = (episode.chapters.length > 0 ? 1 : 0) + (episode.transcript ? 1 : 0);
  return {
    width: EMBED_WIDTH,
    height: Math.ceil(EPISODE_FRAME + headHeight(show, episode) + panels * PANEL),
  };
}

/** The show embed: the newest episode's player above the list of the latest episodes. */
export function showEmbedSize(show: PublicShow, episodes: PublicEpisode[]): EmbedSize {
  const listed = episodes.slice(0, SHOW_EMBED_EPISODES);
  if (listed.length === 0) return { width: EMBED_WIDTH, height: 160 };
  const rows = listed.reduce((sum, episode) => sum + rowHeight(episode), 0);
  return { width: EMBED_WIDTH, height: Math.ceil(SHOW_FRAME + headHeight(show, listed[0]) + rows) };
}
