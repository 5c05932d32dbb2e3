import sanitizeHtml from 'sanitize-html';
import { memoizeText } from './memoize-text.js';

/**
 * The HTML podcast apps render in a description. Apple lists p, ol, ul, li and a; strong, em and
 * br are as widely shown and harmless. Everything else (script, style, iframe, images, event
 * handlers, javascript: and protocol-relative links) is removed, because apps differ wildly in
 * how much of the rest they sandbox.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'a', 'ul', 'ol', 'li', 'strong', 'em', 'br'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Editors paste <b>/<i>; keep their meaning rather than dropping it.
  transformTags: { b: 'strong', i: 'em' },
};

/** Nothing for sanitize-html to change: no tag, no entity. The common case, and it saves a parse per episode. */
const NEEDS_PARSING = /[<>&]/;

/**
 * HTML cleaned to the allowlist above. Text outside tags comes out HTML-escaped (`&lt;`, `&amp;`),
 * so the result is safe inside a CDATA section and means the same to every HTML renderer.
 */
export function cleanHtml(html: string): string {
  if (!NEEDS_PARSING.test(html)) return html;
  return sanitizeHtml(html, OPTIONS);
}

/**
 * cleanHtml with its results kept, for one owner (a feed publisher, or a single build):
 * sanitize-html takes ~0.1 ms a description, the largest cost of a feed build after the XML, and
 * a show's feed is rebuilt with mostly the same descriptions. The default 16 million characters
 * (16-32 MB) hold 10,000 descriptions of 800 characters, cleaned. The cache belongs to the
 * returned function, so it goes when its owner does.
 */
export function createHtmlCleaner(budget = 16_000_000): (html: string) => string {
  const kept = memoizeText((html) => sanitizeHtml(html, OPTIONS), budget, budget / 80);
  return (html) => (NEEDS_PARSING.test(html) ? kept(html) : html);
}

/**
 * Plain text of HTML, for tags that apps show verbatim (itunes:summary). Takes cleanHtml's output
 * (not raw HTML, to spare a second parse per episode): there every `<` that is not markup is
 * escaped and only these four entities remain (sanitize-html decodes all others to characters),
 * so regular expressions are exact here.
 */
export function htmlToText(cleanedHtml: string): string {
  return cleanedHtml
    .replace(/<br \/>|<\/(?:p|li)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text as HTML text, for when only a plain summary exists to fill an HTML description. */
export function textToHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
