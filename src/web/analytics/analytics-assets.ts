import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface AnalyticsAsset {
  contentType: string;
  body: Buffer;
  etag: string;
}

export interface AnalyticsAssets {
  /** Root-relative, content-hashed paths under /assets/analytics/. */
  uplotScript: string;
  uplotStyle: string;
  chartScript: string;
  style: string;
  get(name: string): AnalyticsAsset | undefined;
}

/**
 * uPlot straight from zender's own node_modules (never a CDN), the chart script that draws the
 * tables' figures with it, and the tables' stylesheet; named by content hash, read once.
 */
export function loadAnalyticsAssets(): AnalyticsAssets {
  const require = createRequire(import.meta.url);
  const uplotDir = require.resolve('uplot/dist/uPlot.iife.min.js').replace(/uPlot\.iife\.min\.js$/, '');
  const files = [
    ['uplot', `${uplotDir}uPlot.iife.min.js`, 'text/javascript; charset=utf-8', 'js'],
    ['uplot', `${uplotDir}uPlot.min.css`, 'text/css; charset=utf-8', 'css'],
    [
      'downloads-chart',
      new URL('../assets/downloads-chart.js', import.meta.url),
      'text/javascript; charset=utf-8',
      'js',
    ],
    ['downloads', new URL('../assets/downloads.css', import.meta.url), 'text/css; charset=utf-8', 'css'],
  ] as const;
  const byName = new Map<string, AnalyticsAsset>();
  const paths = files.map(([stem, file, contentType, extension]) => {
    const body = readFileSync(file);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const name = `${stem}-${hash}.${extension}`;
    byName.set(name, { contentType, body, etag: `"${hash}"` });
    return `/assets/analytics/${name}`;
  });
  return {
    uplotScript: paths[0],
    uplotStyle: paths[1],
    chartScript: paths[2],
    style: paths[3],
    get: (name) => byName.get(name),
  };
}
