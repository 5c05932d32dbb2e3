import type { XmlElement } from './write-podcast-xml.js';

export type { XmlElement };

type AttrValue = string | number | undefined;

/**
 * `<name attr…>text</name>`, or `<name attr…/>` when there is no text, in the notation `podcast`
 * takes for custom elements. Cleaning and escaping are left to the writer (write-podcast-xml.ts),
 * which also leaves out absent attributes.
 */
export function xmlElement(
  name: string,
  attributes: Record<string, AttrValue>,
  text?: string | number,
): XmlElement {
  if (text === undefined) return { [name]: { _attr: attributes } };
  return { [name]: [{ _attr: attributes }, text] };
}

/**
 * A number as XML Schema decimal text: no exponent, no float noise (0.1 + 0.2), at most
 * millisecond precision, which is all a timestamp in audio needs.
 */
export function decimal(value: number): string {
  return (Math.round(value * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
}
