import type { TranscriptFormat } from './detect-transcript-format.js';
import { parsePlainText } from './parse-plain-text.js';
import { parseSrt } from './parse-srt.js';
import { parseTranscriptJson } from './parse-transcript-json.js';
import { parseVtt } from './parse-vtt.js';
import type { ParsedCues } from './parsed-cues.js';
import { prepareText } from './source-text.js';
import { TranscriptParseError } from './transcript-errors.js';

/** A real transcript is a few hundred kilobytes; ten megabytes is already absurd. */
export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;

export interface ParsedTranscript extends ParsedCues {
  /** False for plain text: its cues all sit at 0–0 and must not be offered as captions. */
  timed: boolean;
}

/**
 * Reads a transcript in any format staff upload into plain-text cues. Throws TranscriptParseError
 * (with the line and the problem) when the file cannot be read; everything readable but doubtful
 * comes back as warnings. Timing sense (order, overlap, duration) is validateCues' job, given the
 * episode's duration.
 *
 * @example
 * const { cues, warnings } = parseTranscript(body, detectTranscriptFormat(contentType, body) ?? 'text');
 */
export function parseTranscript(
  body: string,
  format: TranscriptFormat,
  options: { maxBytes?: number } = {},
): ParsedTranscript {
  const text = prepareText(body, options.maxBytes ?? MAX_TRANSCRIPT_BYTES);
  const parsed = parseAs(text, format);
  if (parsed.cues.length === 0) {
    throw new TranscriptParseError('no_cues', 'the file holds no cues; nothing to show as a transcript');
  }
  return { ...parsed, timed: format !== 'text' };
}

function parseAs(text: string, format: TranscriptFormat): ParsedCues {
  switch (format) {
    case 'vtt':
      return parseVtt(text);
    case 'srt':
      // WebVTT labelled as SRT is common (an editor's default type) and unambiguous.
      return /^WEBVTT(?:[ \t\n]|$)/.test(text) ? parseVtt(text) : parseSrt(text);
    case 'json':
      return parseTranscriptJson(text);
    case 'text':
      return parsePlainText(text);
  }
}
