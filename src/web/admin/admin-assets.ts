import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compiledModules } from '../compiled-modules.js';
import { linkModules } from '../module-assets.js';
import { assetText, load, type WebAsset, webAsset } from '../web-asset.js';

export interface AdminAssets {
  /** Root-relative paths under /admin/assets/, named by content hash. */
  stylePath: string;
  /** admin.js, an ES module; the modules it imports are served beside it. */
  scriptPath: string;
  /** tus-js-client's browser build, from zender's own node_modules. */
  tusPath: string;
  get(name: string): WebAsset | undefined;
  /** Origins the pages' images and audio may come from besides zender (S3, a CDN): for the CSP. */
  mediaOrigins: string[];
}

function fromPackage(file: string, name: string): WebAsset {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('tus-js-client/package.json'));
  // The source map is not shipped, so its comment would only cause a 404 in developer tools.
  const body = Buffer.from(
    readFileSync(path.join(root, file), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'),
  );
  return webAsset(`${name}.js`, 'text/javascript; charset=utf-8', body);
}

/**
 * admin.js and the modules it imports: its own from src/web/assets, and the draft counter's
 * counting from src/social, compiled (the one flat namespace of /admin/assets/ holds both).
 */
function adminModules(): WebAsset[] {
  const social = compiledModules(new URL('../../social/measure-length.js', import.meta.url));
  return linkModules('admin.js', (name) => {
    const own = assetText(name);
    const counting = social(name);
    if (own !== undefined && counting !== undefined)
      throw new Error(`${name} is both in src/web/assets and src/social: rename one`);
    return own ?? counting;
  });
}

/** The staff screens' stylesheet and scripts, read once at start. */
export function loadAdminAssets(mediaOrigins: string[] = []): AdminAssets {
  const style = load('admin.css', 'text/css; charset=utf-8');
  const [script, ...modules] = adminModules();
  const tus = fromPackage('dist/tus.min.js', 'tus');
  const byName = new Map([style, script, ...modules, tus].map((asset) => [asset.name, asset]));
  return {
    stylePath: `/admin/assets/${style.name}`,
    scriptPath: `/admin/assets/${script.name}`,
    tusPath: `/admin/assets/${tus.name}`,
    get: (name) => byName.get(name),
    mediaOrigins,
  };
}
