import { linkModules } from './module-assets.js';
import { assetText, load, type WebAsset } from './web-asset.js';

export interface WebAssets {
  /** Root-relative URL paths, e.g. /assets/player-3k2j4h5g6f.js (an ES module). */
  scriptPath: string;
  /** The modules the script imports, directly or not: pages name them for preloading. */
  modulePaths: string[];
  stylePath: string;
  /** The public pages' layout, loaded on top of the player's stylesheet (embeds do without). */
  pageStylePath: string;
  get(name: string): WebAsset | undefined;
}

/**
 * The player's script (player.js and the modules it imports) and stylesheets, read once at start
 * and named by content hash.
 */
export function loadWebAssets(): WebAssets {
  const [script, ...modules] = linkModules('player.js', assetText);
  const style = load('player.css', 'text/css; charset=utf-8');
  const pageStyle = load('page.css', 'text/css; charset=utf-8');
  const byName = new Map([script, ...modules, style, pageStyle].map((a) => [a.name, a]));
  return {
    scriptPath: `/assets/${script.name}`,
    modulePaths: modules.map((module) => `/assets/${module.name}`),
    stylePath: `/assets/${style.name}`,
    pageStylePath: `/assets/${pageStyle.name}`,
    get: (name) => byName.get(name),
  };
}
