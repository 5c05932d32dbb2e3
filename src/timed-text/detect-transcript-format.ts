export type TranscriptFormat = 'vtt' | 'srt' | 'json' | 'text';

/**
 * Picks the parser from the Content-Type of an upload, or null for a type that is no transcript
 * (the caller answers 415). A specific type is trusted, so a mislabeled file gets the parser's precise
 * error. The vague ones (text/plain, application/octet-stream, none at all) are what browsers and curl
 * send for a .vtt or .srt file, so for those the first bytes decide, and only what looks like nothing
 * else is read as plain text.
 */
export function detectTranscriptFormat(
  contentType: string | null | undefined,
  body: string,
): TranscriptFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  switch (type) {
    case 'text/vtt':
      return 'vtt';
    case 'application/x-subrip':
    case 'application/srt':
    case 'text/srt':
    case 'text/x-srt':
      return 'srt';
    case 'application/json':
    case 'text/json':
      return 'json';
    case 'text/plain':
    case 'application/octet-stream':
    case '':
      return sniff(body);
    default:
      // application/transcript+json and similar structured-syntax suffixes are still JSON.
      return type.endsWith('+json') ? 'json' : null;
  }
}

// Only the start of the body is looked at: detection must stay cheap for a 10 MB upload.
function sniff(body: string): TranscriptFormat {
  const head = body
    .slice(0, 2048)
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .trimStart();
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return 'vtt';
  if (head.startsWith('{')) return 'json';
  if (/^\d+[ \t]*\n[ \t]*\d{1,5}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?[ \t]*-->/.test(head)) return 'srt';
  return 'text';
}
