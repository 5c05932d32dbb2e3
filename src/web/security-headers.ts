import { createHash } from 'node:crypto';

export interface SecurityOptions {
  /** Origins that may frame the response: '*' for embeds by default, [] for 'self' only. */
  frameAncestors: '*' | string[];
  /** Inline <style> blocks on the page, allowed by their hash and nothing else. */
  inlineStyles?: string[];
  /** zender's own origin (BASE_URL), in case the page is reached through another host name. */
  selfOrigin: string;
  /** Where media may come from besides zender (an S3 public base or CDN the media routes redirect to). */
  mediaOrigins?: string[];
}

/** 'sha256-…' source for an inline block, as CSP Level 2 hashes it (the exact text, UTF-8). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Headers for every page and embed: a CSP that allows only zender itself (no inline script at
 * all, inline style only by hash), so a partner page embedding us gets no third-party requests
 * and an injected tag could run nothing; nosniff; a referrer policy that tells partners' pages
 * nothing beyond our origin.
 */
export function securityHeaders(options: SecurityOptions): Record<string, string> {
  const self = ["'self'", options.selfOrigin];
  const media = [...self, ...(options.mediaOrigins ?? [])];
  const ancestors =
    options.frameAncestors === '*'
      ? ['*']
      : options.frameAncestors.length > 0
        ? ["'self'", ...options.frameAncestors]
        : ["'self'"];
  const directives = [
    "default-src 'self'",
    `script-src ${self.join(' ')}`,
    `style-src ${[...self, ...(options.inlineStyles ?? []).map(cspHash)].join(' ')}`,
    `img-src ${[...media, 'data:'].join(' ')}`,
    `media-src ${media.join(' ')}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ];
  return {
    'content-security-policy': directives.join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}
