import { randomBytes, randomUUID } from 'node:crypto';

/** Opaque record ids: random UUIDs, safe in URLs and storage keys. */
export function newId(): string {
  return randomUUID();
}

/** A URL-safe random string of `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
