import type { Labels } from './labels.js';
import type { SiteChrome } from './site-chrome.js';

/** What every rendered page needs besides its data: words, the accent style and asset URLs. */
export interface PageContext {
  labels: Labels;
  /** The inline :root accent rule (see accent-color.ts). */
  inlineStyle: string;
  scriptUrl: string;
  /** The player's stylesheet, then (on public pages) the page layout. */
  styleUrls: string[];
  /** The organisation's header and footer (public pages; embeds go without). */
  site?: SiteChrome;
}
