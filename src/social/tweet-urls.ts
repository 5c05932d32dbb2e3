import { countryTlds, genericTlds } from './twitter-tlds.js';

/**
 * Finds URLs the way X's twitter-text 3 (`extractUrlsWithIndices`) does, so that zender can
 * weigh a URL as X does without loading twitter-text itself (its core-js 2 polyfills patch
 * RegExp and Symbol for the whole process). Pure and dependency-free: the browser runs the
 * same file for the live counter.
 *
 * The patterns below are twitter-text's own, piece by piece and in the same order (the order
 * of alternatives decides which match wins), with its list of top-level domains generated
 * into twitter-tlds.ts. They are compiled without the `u` flag, exactly like twitter-text's,
 * because that changes what a character class matches (one UTF-16 unit, not a code point).
 * weighted-length.test.ts runs twitter-text itself in a child process as the oracle.
 */

export interface TweetUrl {
  url: string;
  /** UTF-16 start and end (exclusive) in the text. */
  indices: [number, number];
}

export interface TweetUrlOptions {
  /** Also find bare domains with a known top-level domain ("vng.nl/nieuws"); default true. */
  extractUrlsWithoutProtocol?: boolean;
}

export const punct = String.raw`\!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$`;
export const spaces = String.raw`\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;
const invalidChars = String.raw`\uFFFE\uFEFF\uFFFF`;
const directionalMarkers = String.raw`\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069`;
export const latinAccents = String.raw`\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
const cyrillic = String.raw`\u0400-\u04FF`;

const domainChar = `[^${punct}${spaces}${invalidChars}${directionalMarkers}]`;
const subdomain = `(?:(?:${domainChar}(?:[_-]|${domainChar})*)?${domainChar}\\.)`;
const domainName = `(?:(?:${domainChar}(?:-|${domainChar})*)?${domainChar}\\.)`;
const tldEnd = '(?=[^0-9a-zA-Z@+-]|$)';
const genericTld = `(?:(?:${genericTlds.join('|')})${tldEnd})`;
const countryTld = `(?:(?:${countryTlds.join('|')})${tldEnd})`;
const punycodeTld = '(?:xn--[\\-0-9a-z]+)';
const domain = `(?:${subdomain}*${domainName}(?:${genericTld}|${countryTld}|${punycodeTld}))`;

const preceding = `(?:[^A-Za-z0-9@＠$#＃${invalidChars}]|[${directionalMarkers}]|^)`;
const pathChar = `[a-z${cyrillic}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\-\\u2013_~@\\|&${latinAccents}]`;
const balancedParens = `\\((?:${pathChar}+|(?:${pathChar}*\\(${pathChar}+\\)${pathChar}*))\\)`;
const pathEnd = `[\\+\\-a-z${cyrillic}0-9=_#\\/${latinAccents}]|(?:${balancedParens})`;
const path = `(?:(?:${pathChar}*(?:${balancedParens}${pathChar}*)*${pathEnd})|(?:@${pathChar}+\\/))`;
const queryChar = "[a-z0-9!?\\*'@\\(\\);:&=\\+\\$\\/%#\\[\\]\\-_\\.,~|]";
const queryEnd = '[a-z0-9\\-_&=#\\/]';

// Groups: 1 preceding character, 2 URL, 3 scheme, 4 domain, 5 port, 6 path, 7 query.
const urlPattern = new RegExp(
  `(${preceding})((https?:\\/\\/)?(${domain})(?::([0-9]+))?(\\/${path}*)?(\\?${queryChar}*${queryEnd})?)`,
  'gi',
);
const asciiDomainSource = `(?:(?:[\\-a-z0-9${latinAccents}]+)\\.)+(?:${genericTld}|${countryTld}|${punycodeTld})`;
const tcoUrl = new RegExp(`^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:\\?${queryChar}*${queryEnd})?`, 'i');
const invalidBeforeBareDomain = /[-_./]$/;

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_DOMAIN_LABEL_LENGTH = 63;

/**
 * The URLs in `text` with their UTF-16 indices, as twitter-text's `extractUrlsWithIndices`.
 *
 * @example
 * extractTweetUrls('Zie vng.nl en https://t.co/abc') // [{ url: 'vng.nl', indices: [4, 10] }, …]
 */
export function extractTweetUrls(text: string, options: TweetUrlOptions = {}): TweetUrl[] {
  const withoutProtocol = options.extractUrlsWithoutProtocol ?? true;
  if (!text.includes(withoutProtocol ? '.' : ':')) return [];
  const urls: TweetUrl[] = [];
  for (const match of allMatches(urlPattern, text)) {
    const [whole, before, matched, protocol, domainPart, , pathPart] = match;
    let url = matched;
    let end = match.index + whole.length;
    const start = end - url.length;
    if (!isValidUrl(url, protocol ?? 'https://', domainPart)) continue;
    if (!protocol) {
      if (!withoutProtocol || invalidBeforeBareDomain.test(before)) continue;
      let last: TweetUrl | undefined;
      let asciiEnd = 0;
      for (const ascii of domainPart.match(new RegExp(asciiDomainSource, 'gi')) ?? []) {
        const asciiStart = domainPart.indexOf(ascii, asciiEnd);
        asciiEnd = asciiStart + ascii.length;
        last = { url: ascii, indices: [start + asciiStart, start + asciiEnd] };
        urls.push(last);
      }
      // A bare domain counts only with its path, and only in ASCII.
      if (last && pathPart) {
        last.url = url.replace(domainPart, last.url);
        last.indices[1] = end;
      }
    } else {
      // A t.co link ends at its slug: X adds nothing after it to the link.
      const tco = tcoUrl.exec(url);
      if (tco) {
        if (tco[1] && tco[1].length > MAX_TCO_SLUG_LENGTH) continue;
        url = tco[0];
        end = start + url.length;
      }
      urls.push({ url, indices: [start, end] });
    }
  }
  return urls;
}

/**
 * Every match of a global pattern, as `text.matchAll(pattern)` but several times faster: matchAll
 * (like `new RegExp` per call) makes V8 set up a pattern of this size anew each time. The one
 * compiled pattern is reused; nothing is left in it between calls, because `lastIndex` is set
 * on entry and the search runs synchronously to the end, where `exec` sets it back to 0.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push(match);
  return matches;
}

/** twitter-text's length checks: every label at most 63 characters once punycoded, the URL at most 4096. */
function isValidUrl(url: string, protocol: string, domain: string): boolean {
  if (domain.startsWith('xn--') && !new RegExp(asciiDomainSource, 'i').test(domain)) return false;
  for (const label of domain.split('.')) {
    const length = punycodedLength(label);
    if (length < 1 || length > MAX_DOMAIN_LABEL_LENGTH) return false;
  }
  return protocol.length + url.length <= MAX_URL_LENGTH;
}

/**
 * The length of punycode.js `toASCII(label)`: it splits again at the other full stops
 * (。．｡) and encodes every part that is not plain ASCII as "xn--" + RFC 3492 punycode.
 */
function punycodedLength(label: string): number {
  const parts = label.split(/[\u3002\uFF0E\uFF61]/);
  let length = parts.length - 1;
  for (const part of parts) {
    length += /[^\0-\x7E]/.test(part) ? 4 + punycode(part).length : part.length;
  }
  return length;
}

/** RFC 3492 Punycode encoding of one label (without the "xn--" prefix). */
function punycode(input: string): string {
  const base = 36;
  const codePoints = Array.from(input, (char) => char.codePointAt(0) ?? 0);
  const digit = (d: number) => String.fromCharCode(d + 22 + 75 * (d < 26 ? 1 : 0));
  const adapt = (delta: number, points: number, first: boolean) => {
    let scaled = first ? Math.floor(delta / 700) : delta >> 1;
    scaled += Math.floor(scaled / points);
    let k = 0;
    for (; scaled > ((base - 1) * 26) >> 1; k += base) scaled = Math.floor(scaled / (base - 1));
    return Math.floor(k + ((base - 1 + 1) * scaled) / (scaled + 38));
  };
  let output = codePoints
    .filter((c) => c < 0x80)
    .map((c) => String.fromCharCode(c))
    .join('');
  const basicLength = output.length;
  if (basicLength) output += '-';
  let n = 128;
  let delta = 0;
  let bias = 72;
  for (let handled = basicLength; handled < codePoints.length; ) {
    const next = Math.min(...codePoints.filter((c) => c >= n));
    delta += (next - n) * (handled + 1);
    n = next;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = base; ; k += base) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (base - t)));
        q = Math.floor((q - t) / (base - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}
