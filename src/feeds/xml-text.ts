/**
 * Everything XML 1.0 does not allow in a document (production [2] Char): C0 controls other than
 * tab, LF and CR, lone UTF-16 surrogates, and U+FFFE/U+FFFF. One such character makes the whole
 * feed ill-formed, and a strict parser (Apple's among them) then rejects every episode, so they are
 * removed rather than escaped: XML 1.0 has no escape for them (`&#1;` is just as forbidden).
 * With the `u` flag a lone surrogate is its own code point, outside the allowed ranges.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * What xmlText and xmlAttr change, to skip the replacing for the common text that has none of it.
 * A test is far cheaper than a replace, and most text has nothing to change.
 */
const TEXT_CHANGES = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTR_CHANGES = /[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Line ends as every XML parser reports them anyway (XML 1.0 §2.11), so what we write is what apps read. */
const CR_LINE_END = /\r\n?/g;

/** Whitespace a parser turns into a space inside an attribute value (XML 1.0 §3.3.3). */
const ATTR_WHITESPACE = /\r\n?|[\t\n]/g;

/**
 * Text made safe to put in an XML document: forbidden characters removed, line ends normalised.
 * Escaping `&`, `<` and friends (or wrapping in CDATA) is the serializer's job; this only makes
 * sure there is nothing left that no escaping could carry.
 */
export function xmlText(value: string): string {
  if (!TEXT_CHANGES.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(CR_LINE_END, '\n');
}

/**
 * Text for an attribute value. Tabs and line ends become spaces here, because a parser would do it
 * on reading anyway and a URL or a role has no use for them.
 */
export function xmlAttr(value: string): string {
  if (!ATTR_CHANGES.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(ATTR_WHITESPACE, ' ');
}
