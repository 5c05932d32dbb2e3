/**
 * Content types by file extension. The service makes every key and gives it the extension
 * that matches its bytes, so the extension is the one source of truth on the fs driver (no
 * sidecar file to keep in step) and the fallback on S3 when a put names no type.
 */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  aiff: 'audio/aiff',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  opus: 'audio/opus',
  webm: 'video/webm',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  json: 'application/json',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  xml: 'application/rss+xml',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The content type for a key's extension, or application/octet-stream when unknown. */
export function contentTypeForKey(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return DEFAULT_CONTENT_TYPE;
  return TYPES_BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}
