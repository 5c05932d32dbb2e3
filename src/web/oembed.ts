import type { PublicShow } from '../domain/public-show-view.js';
import { MIN_EMBED_WIDTH } from './embed-size.js';

export interface OembedTarget {
  title: string;
  embedUrl: string;
  show: PublicShow;
  /** The 600 px artwork (…/artwork-600.jpg); a 300 px one sits beside it. */
  artworkUrl: string | null;
  size: { width: number; height: number };
}

export interface OembedResponse {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A positive integer query value, or undefined for anything else. */
export function dimension(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,5}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * An oEmbed 1.0 "rich" answer: our iframe at the default size, shrunk to maxwidth/maxheight when
 * asked (never grown), with the largest square artwork that fits as thumbnail.
 */
export function oembedResponse(
  target: OembedTarget,
  limits: { maxwidth?: number; maxheight?: number },
  provider: { name: string; url: string },
): OembedResponse {
  const width = Math.min(target.size.width, limits.maxwidth ?? Number.POSITIVE_INFINITY);
  const height = Math.min(target.size.height, limits.maxheight ?? Number.POSITIVE_INFINITY);
  const html =
    `<iframe src="${attr(target.embedUrl)}" width="${width}" height="${height}" title="${attr(target.title)}"` +
    ` style="border:0;max-width:100%;min-width:${Math.min(width, MIN_EMBED_WIDTH)}px" loading="lazy"` +
    ` allow="autoplay; clipboard-write" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  const fits = Math.min(limits.maxwidth ?? 600, limits.maxheight ?? 600);
  const thumb = !target.artworkUrl ? null : fits >= 600 ? 600 : fits >= 300 ? 300 : null;
  return {
    version: '1.0',
    type: 'rich',
    title: target.title,
    author_name: target.show.author,
    author_url: target.show.pageUrl,
    provider_name: provider.name,
    provider_url: provider.url,
    cache_age: 3600,
    html,
    width,
    height,
    ...(thumb && target.artworkUrl
      ? {
          thumbnail_url: target.artworkUrl.replace(/artwork-600\.jpg$/, `artwork-${thumb}.jpg`),
          thumbnail_width: thumb,
          thumbnail_height: thumb,
        }
      : {}),
  };
}

function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The same answer as XML (oEmbed spec section 2.3.4: one element per field under <oembed>). */
export function oembedXml(response: OembedResponse): string {
  const fields = Object.entries(response)
    .map(([key, value]) => `  <${key}>${xmlText(String(value))}</${key}>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>\n${fields}\n</oembed>\n`;
}
