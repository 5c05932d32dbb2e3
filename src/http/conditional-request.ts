/**
 * Conditional requests (RFC 9110 §13), written once for every route that sends an ETag: pages,
 * assets, feeds, media, share images, transcripts and chapters.
 */

/** The opaque part of an entity tag: `W/"x"` and `"x"` both give `"x"`. */
function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** The entity tags of a list header (`"a", W/"b"`); commas inside quotes are part of a tag. */
function entityTags(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/**
 * If-None-Match (§13.1.2): true when the client's copy is current, so a GET or HEAD is answered
 * 304. Weak comparison: `W/"x"` matches `"x"`; `*` matches any current representation; a list
 * matches when one of its tags does.
 */
export function noneMatchHit(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true; // the usual case, decided without parsing (feed polls)
  if (header.trim() === '*') return true;
  const current = opaque(etag);
  return entityTags(header).some((tag) => opaque(tag) === current);
}

/**
 * If-Range (§13.1.5): whether a Range request may be answered with the part asked for. Without
 * If-Range, yes. An entity tag must match by strong comparison (neither weak); a date must equal
 * Last-Modified exactly. Otherwise the client's copy is stale and it gets the whole file (200).
 */
export function rangeStillValid(
  header: string | null | undefined,
  current: { etag: string; lastModified?: string },
): boolean {
  if (!header) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith('W/')) {
    return !value.startsWith('W/') && !current.etag.startsWith('W/') && value === current.etag;
  }
  if (!current.lastModified) return false;
  const asked = Date.parse(value);
  return !Number.isNaN(asked) && asked === Date.parse(current.lastModified);
}
