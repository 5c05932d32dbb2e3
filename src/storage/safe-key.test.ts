import { describe, expect, it } from 'vitest';
import { assertSafeKey, assertSafePrefix, isSafeKey } from './safe-key.js';
import { UnsafeKeyError } from './storage-errors.js';

describe('assertSafeKey', () => {
  it.each([
    'audio.mp3',
    'episodes/0b6c0f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/originals/abc.wav',
    'shows/s1/artwork/3/1400.jpg',
    'a/b_c/d-e/f.g.h',
    'feeds/show.xml',
    'x'.repeat(512),
  ])('accepts %s', (key) => {
    expect(() => assertSafeKey(key)).not.toThrow();
    expect(isSafeKey(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(513)],
    ['parent traversal', '../../etc/passwd'],
    ['inner traversal', 'a/../b'],
    ['dot segment', 'a/./b'],
    ['lone dot', '.'],
    ['lone dot-dot', '..'],
    ['hidden segment', 'a/.tmp/b'],
    ['hidden first segment', '.meta.json'],
    ['absolute', '/abs'],
    ['backslash', 'a\\b'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/b/'],
    ['NUL', 'x\u0000y'],
    ['uppercase', 'Episodes/a.mp3'],
    ['space', 'a b.mp3'],
    ['percent encoding', 'a%2e%2e/b'],
    ['non-ASCII', 'café.mp3'],
    ['colon (Windows drive)', 'c:/x'],
    ['newline', 'a\nb'],
  ])('rejects %s', (_label, key) => {
    expect(() => assertSafeKey(key)).toThrow(UnsafeKeyError);
    expect(isSafeKey(key)).toBe(false);
  });

  it('rejects non-strings that slip past the types', () => {
    expect(() => assertSafeKey(undefined as unknown as string)).toThrow(UnsafeKeyError);
    expect(() => assertSafeKey(42 as unknown as string)).toThrow(UnsafeKeyError);
  });

  it('names the key in the error', () => {
    const error = (() => {
      try {
        assertSafeKey('../x');
      } catch (e) {
        return e as UnsafeKeyError;
      }
    })();
    expect(error?.code).toBe('unsafe_key');
    expect(error?.key).toBe('../x');
  });
});

describe('assertSafePrefix', () => {
  it.each(['', 'episodes/', 'episodes/ab', 'episodes/ab/'])('accepts %j', (prefix) => {
    expect(() => assertSafePrefix(prefix)).not.toThrow();
  });

  it.each(['/', '../', 'a//', '..', 'a/../', '/episodes/'])('rejects %j', (prefix) => {
    expect(() => assertSafePrefix(prefix)).toThrow(UnsafeKeyError);
  });
});
