import { TranscriptParseError } from './transcript-errors.js';

/**
 * The checks every text format shares, done before any parsing: refuse absurd sizes in constant
 * time (a 50 MB upload must not be split into lines first), refuse binary, drop the byte-order mark
 * Windows editors write, and turn CRLF and lone CR into LF so line numbers match what an editor shows.
 */
export function prepareText(body: string, maxBytes: number): string {
  // UTF-8 needs at least one byte per UTF-16 unit, so a long string is too big without counting.
  if (body.length > maxBytes || (body.length * 3 > maxBytes && Buffer.byteLength(body, 'utf8') > maxBytes)) {
    throw new TranscriptParseError(
      'too_large',
      `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; a transcript is far smaller`,
      null,
      { maxBytes },
    );
  }
  // A NUL means UTF-16 read as UTF-8, or not text at all; either way every cue would be garbage.
  const nul = body.indexOf('\u0000');
  if (nul !== -1) {
    throw new TranscriptParseError(
      'not_text',
      'the file contains binary data; save it as plain text in UTF-8',
      lineAt(body, nul),
    );
  }
  const text = (body.charCodeAt(0) === 0xfeff ? body.slice(1) : body).replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new TranscriptParseError('empty', 'the file is empty');
  return text;
}

export interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  lines: string[];
}

/** Groups lines into blocks separated by empty (or whitespace-only) lines, keeping line numbers. */
export function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      current = null;
      continue;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(lines[i]);
  }
  return blocks;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Quoting a whole hostile line into an error message would make the message the attack. */
export function clip(raw: string, max = 40): string {
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}
