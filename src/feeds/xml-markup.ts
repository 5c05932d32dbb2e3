import { xmlAttr, xmlText } from './xml-text.js';

/**
 * XML written directly as strings, for the items of a feed (see build-feed.ts for why). Each helper
 * writes exactly what the `xml` package (which `podcast` serialises through) writes for the same
 * element, so the items read the same whichever way they were made.
 */

type AttrValue = string | number | undefined;

const SPECIAL = /[&"<>']/;

/**
 * Text or an attribute value escaped as the `xml` package does it: all five predefined entities.
 * replaceAll with strings, not a regex replace: in the app those are ~10 times slower (see
 * xml-text.ts), and this runs for several values per episode.
 */
export function escapeXml(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * Characters that xmlText or xmlAttr would change or escapeXml would escape; most text (URLs, guids,
 * plain titles) has none, and one test then stands for both steps.
 */
const TEXT_WORK =
  /[^\t\n\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTR_WORK =
  /[^\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Text as it goes between tags: xmlText, then escapeXml. */
export function textNode(value: string): string {
  return TEXT_WORK.test(value) ? escapeXml(xmlText(value)) : value;
}

/** Text as it goes in an attribute value: xmlAttr, then escapeXml. */
export function attrValue(value: string): string {
  return ATTR_WORK.test(value) ? escapeXml(xmlAttr(value)) : value;
}

/** A CDATA section; a `]]>` in the text ends one section and starts the next, between `]]` and `>`. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/**
 * The string twin of xmlElement (xml-element.ts), with the same rules: absent or empty attributes
 * are left out, forbidden characters removed, the rest escaped. `<name attr…>text</name>`, or
 * `<name attr…/>` when there is no text (and `<name></name>` when there is neither, as `xml` does).
 */
export function xmlTag(name: string, attributes: Record<string, AttrValue>, text?: string | number): string {
  let attrs = '';
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value === '') continue;
    attrs += ` ${key}="${typeof value === 'number' ? String(value) : attrValue(value)}"`;
  }
  if (text === undefined) return attrs ? `<${name}${attrs}/>` : `<${name}></${name}>`;
  const content = typeof text === 'number' ? String(text) : textNode(text);
  return `<${name}${attrs}>${content}</${name}>`;
}
