import { xmlAttr, xmlText } from './xml-text.js';

/**
 * An element in the notation of the `xml` package that `podcast` (through `rss`) serialises:
 * `{ name: [ { _attr: {...} }, 'text' ] }`. The serialiser escapes text and attribute values;
 * these helpers first remove what XML cannot carry and drop absent attributes, which it would
 * otherwise print as `attr="undefined"`.
 */
export type XmlElement = Record<string, unknown>;

type AttrValue = string | number | undefined;

/** `<name attr…>text</name>`, or `<name attr…/>` when there is no text. */
export function xmlElement(
  name: string,
  attributes: Record<string, AttrValue>,
  text?: string | number,
): XmlElement {
  const attr: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === '') continue;
    attr[key] = typeof value === 'number' ? String(value) : xmlAttr(value);
  }
  const hasAttr = Object.keys(attr).length > 0;
  if (text === undefined) return { [name]: hasAttr ? { _attr: attr } : '' };
  const content = typeof text === 'number' ? String(text) : xmlText(text);
  return { [name]: hasAttr ? [{ _attr: attr }, content] : content };
}

/**
 * A number as XML Schema decimal text: no exponent, no float noise (0.1 + 0.2), at most
 * millisecond precision, which is all a timestamp in audio needs.
 */
export function decimal(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  // Trailing zeros and then a bare point removed, as .replace(/\.?0+$/, '') would, without a
  // regex replace (one per episode, and slow in the app: see xml-text.ts).
  const fixed = rounded.toFixed(3);
  let end = fixed.length;
  while (end > 0 && fixed.charCodeAt(end - 1) === ZERO) end--;
  if (end < fixed.length && fixed.charCodeAt(end - 1) === POINT) end--;
  return fixed.slice(0, end);
}

const ZERO = 48;
const POINT = 46;
