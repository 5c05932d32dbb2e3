/**
 * Default iframe sizes (CSS pixels) for oEmbed and the Twitter player card, measured in Chromium:
 * the episode player at 640 px with a two-line title and chapters and transcript folded (about
 * 356 px), and the show player with the first five episodes of its list. The player works from
 * 280 px wide; anything taller (an open transcript, a long list) scrolls inside the frame.
 */
export const EPISODE_EMBED = { width: 640, height: 360 };
export const SHOW_EMBED = { width: 640, height: 520 };
export const MIN_EMBED_WIDTH = 280;
