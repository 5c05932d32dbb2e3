import { UnsafeKeyError } from './storage-errors.js';

/** Longest key we accept: well under S3's 1024-byte limit and any file system's path limit. */
export const MAX_KEY_LENGTH = 512;

/**
 * One path segment: lowercase letters, digits, '-', '_' and '.', starting with a letter or
 * digit. Requiring that first character rules out '.', '..' and hidden names in one go, so
 * names such as the fs driver's `.tmp/` directory can never be reached through a key.
 */
const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/** True when `key` has the shape the service makes (see `assertSafeKey`). */
export function isSafeKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  // The segment pattern already excludes these; checked by name too so the rule reads plainly.
  if (key.startsWith('/') || key.includes('\\') || key.includes('\0')) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment));
}

/**
 * Keys are made by the service only (ids, fixed names), never taken from a user. This check
 * is the guard that keeps a bug elsewhere from becoming a path traversal or an odd S3 key:
 * lowercase `[a-z0-9._-]` segments joined by '/', no empty, '.' or '..' segments, no leading
 * '/', no backslash, no NUL, at most 512 characters. Every driver method calls it first.
 */
export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new UnsafeKeyError(key);
}

/**
 * A list() prefix is a key, a partial key (`episodes/ab`) or a folder (`episodes/ab/`); the
 * empty prefix lists everything.
 */
export function assertSafePrefix(prefix: string): void {
  if (prefix === '') return;
  const withoutSlash = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (!isSafeKey(withoutSlash)) throw new UnsafeKeyError(prefix);
}
