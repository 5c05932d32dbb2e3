import type { Item, Podcast } from 'podcast';
import { rfc2822 } from './rfc2822.js';
import { xmlAttr, xmlText } from './xml-text.js';

/**
 * The one place the feed becomes text: the document a `Podcast` holds (its public `feed` and
 * `items`, with the itunes tags it made and our Podcasting 2.0 custom elements), written in the
 * layout `podcast` hands to `rss`, with what `rss` gets wrong fixed:
 *
 * - lastBuildDate is a parameter; `rss` always writes the wall-clock time, so two builds of the
 *   same show would differ and a strong ETag would change on every rebuild;
 * - the RSS <image> is written from `imageUrl` (`podcast` never passes it on under the name
 *   `rss` reads, so it went missing);
 * - an enclosure without a type gets none (`rss` guesses one from the URL, `type="false"` when
 *   it cannot), and dates are formatted here (`rss` parses them again, turning years before 100
 *   into 19xx).
 *
 * And it is fast enough for a background rebuild of a 10,000-episode show: `rss` serialises
 * through the `xml` package, which makes a tree of closures per element and took ~10–16 times
 * JSON.stringify of the same rows for the items alone (`npm run bench -- feed`).
 *
 * Every text and attribute value is stripped of what XML 1.0 forbids (xml-text.ts) and escaped
 * here, whoever built the element, so no caller can write an ill-formed feed.
 */
export function writePodcastXml(
  podcast: Podcast,
  lastBuildDate: Date,
  options: { hubUrl?: string } = {},
): string {
  const { feed } = podcast;
  const namespaces: Record<string, string> = {
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  };
  for (const [name, uri] of Object.entries(feed.customNamespaces)) namespaces[`xmlns:${name}`] = uri;
  namespaces.version = '2.0';

  const channel: XmlElement[] = [
    { title: { _cdata: feed.title } },
    { description: { _cdata: feed.description || feed.title } },
    { link: feed.siteUrl },
  ];
  if (feed.imageUrl) {
    // RSS 2.0: title and link must be the channel's; apps that still read <image> check that.
    channel.push({ image: [{ url: feed.imageUrl }, { title: feed.title }, { link: feed.siteUrl }] });
  }
  channel.push({ generator: feed.generator }, { lastBuildDate: rfc2822(lastBuildDate) });
  if (feed.feedUrl) {
    channel.push({
      'atom:link': { _attr: { href: feed.feedUrl, rel: 'self', type: 'application/rss+xml' } },
    });
  }
  // WebSub discovery: subscribers find the hub next to rel="self", which names the topic.
  if (options.hubUrl) channel.push({ 'atom:link': { _attr: { href: options.hubUrl, rel: 'hub' } } });
  if (feed.pubDate) channel.push({ pubDate: date(feed.pubDate) });
  if (feed.copyright) channel.push({ copyright: { _cdata: feed.copyright } });
  if (feed.language) channel.push({ language: { _cdata: feed.language } });
  channel.push(...feed.customElements);

  // Each item is joined into one flat string before the next is written: with `+=` the pieces of
  // the whole feed stay alive as one tree of strings until the end, and the build is mostly GC.
  const items = podcast.items.map((item) => {
    const out: string[] = [];
    write(out, 'item', itemElements(item));
    return out.join('');
  });
  const out = [`<?xml version="1.0" encoding="UTF-8"?><rss${attributes(namespaces)}><channel>`];
  for (const node of channel) writeNode(out, node);
  for (const item of items) out.push(item);
  out.push('</channel></rss>');
  return out.join('');
}

function itemElements(item: Item): XmlElement[] {
  const title = item.title || 'No title';
  const elements: XmlElement[] = [{ title: { _cdata: title } }];
  if (item.description) elements.push({ description: { _cdata: item.description } });
  if (item.url) elements.push({ link: item.url });
  const isPermaLink = !item.guid && Boolean(item.url);
  elements.push({ guid: [{ _attr: { isPermaLink } }, item.guid || item.url || title] });
  if (item.date) elements.push({ pubDate: date(item.date) });
  if (item.enclosure?.url) {
    const { url, size, type } = item.enclosure;
    elements.push({ enclosure: { _attr: { url, length: size || 0, type } } });
  }
  if (item.customElements) elements.push(...item.customElements);
  return elements;
}

function date(value: Date | string): string {
  return rfc2822(typeof value === 'string' ? new Date(value) : value);
}

/**
 * An element in the notation of the `xml` package, which `podcast` and its custom elements use:
 * `{ name: 'text' }`, `{ name: { _attr: {...}, _cdata: '...' } }`, or `{ name: [ { _attr }, child
 * elements or text ] }`. An attribute that is undefined, null or '' is left out.
 */
export type XmlElement = Record<string, unknown>;

type Scalar = string | number | boolean;

function write(out: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) {
    out.push(`<${name}/>`);
  } else if (typeof value !== 'object') {
    out.push(`<${name}>`, text(value as Scalar), `</${name}>`);
  } else if (Array.isArray(value)) {
    // Attributes may come first or anywhere in the list: the start tag is filled in afterwards.
    const start = out.push('') - 1;
    let attrs = '';
    for (const part of value) {
      if (part === null || typeof part !== 'object') out.push(text(part));
      else if ('_attr' in part) attrs += attributes(part._attr);
      else writeNode(out, part);
    }
    out[start] = `<${name}${attrs}>`;
    out.push(`</${name}>`);
  } else {
    const { _attr, _cdata } = value as { _attr?: Record<string, unknown>; _cdata?: unknown };
    const attrs = _attr ? attributes(_attr) : '';
    if (_cdata === undefined) out.push(`<${name}${attrs}/>`);
    else out.push(`<${name}${attrs}>`, cdata(xmlText(String(_cdata))), `</${name}>`);
  }
}

function writeNode(out: string[], node: XmlElement): void {
  for (const name in node) {
    write(out, name, node[name]);
    return;
  }
}

function attributes(values: Record<string, unknown>): string {
  let out = '';
  for (const key in values) {
    const value = values[key];
    if (value === undefined || value === null || value === '') continue;
    out += ` ${key}="${escapeXml(xmlAttr(String(value)))}"`;
  }
  return out;
}

function text(value: Scalar): string {
  return typeof value === 'string' ? escapeXml(xmlText(value)) : String(value);
}

const SPECIAL = /[&<>"']/;

/** The five predefined entities; replaceAll, as most text has none and skips all five. */
function escapeXml(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** A `]]>` in the text ends one section and starts the next, between `]]` and `>`. */
function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
