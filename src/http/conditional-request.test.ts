import { describe, expect, it } from 'vitest';
import { noneMatchHit, rangeStillValid } from './conditional-request.js';

describe('If-None-Match (RFC 9110 13.1.2)', () => {
  const etag = '"abc"';
  it('matches the same tag, weak or strong, alone or in a list', () => {
    expect(noneMatchHit('"abc"', etag)).toBe(true);
    expect(noneMatchHit('W/"abc"', etag)).toBe(true);
    expect(noneMatchHit('"x", W/"abc" ,"y"', etag)).toBe(true);
    expect(noneMatchHit('"abc"', 'W/"abc"')).toBe(true);
    expect(noneMatchHit('*', etag)).toBe(true);
  });
  it('does not match another tag, a missing header, or a tag only inside another', () => {
    expect(noneMatchHit(undefined, etag)).toBe(false);
    expect(noneMatchHit('', etag)).toBe(false);
    expect(noneMatchHit('"abcd"', etag)).toBe(false);
    expect(noneMatchHit('"x", "y"', etag)).toBe(false);
    expect(noneMatchHit('abc', etag)).toBe(false);
    expect(noneMatchHit('"a,b"', '"a"')).toBe(false);
  });
});

describe('If-Range (RFC 9110 13.1.5)', () => {
  const current = { etag: '"abc"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' };
  it('allows the range without If-Range, or when the strong tag or the exact date matches', () => {
    expect(rangeStillValid(undefined, current)).toBe(true);
    expect(rangeStillValid('"abc"', current)).toBe(true);
    expect(rangeStillValid('Tue, 01 Dec 2026 10:00:00 GMT', current)).toBe(true);
  });
  it('sends the whole file for a weak tag, another tag, or another date', () => {
    expect(rangeStillValid('W/"abc"', current)).toBe(false);
    expect(rangeStillValid('"old"', current)).toBe(false);
    expect(rangeStillValid('"abc"', { etag: 'W/"abc"' })).toBe(false);
    expect(rangeStillValid('Mon, 30 Nov 2026 10:00:00 GMT', current)).toBe(false);
    expect(rangeStillValid('not a date', current)).toBe(false);
    expect(rangeStillValid('Tue, 01 Dec 2026 10:00:00 GMT', { etag: '"abc"' })).toBe(false);
  });
});
