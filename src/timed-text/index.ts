/**
 * Transcripts and chapters: text in, data out. A pure leaf (no I/O, nothing imported from the rest
 * of zender), so the domain, the worker and the feed builder can all use it and tests need nothing.
 */
export type { Chapter, ChaptersJson } from './chapters.js';
export {
  CHAPTERS_VERSION,
  MAX_CHAPTERS_BYTES,
  parseChapters,
  toChaptersJson,
  validateChapters,
} from './chapters.js';
export type { Cue } from './cue.js';
export { detectTranscriptFormat, type TranscriptFormat } from './detect-transcript-format.js';
export { MAX_TRANSCRIPT_BYTES, type ParsedTranscript, parseTranscript } from './parse-transcript.js';
export {
  MAX_PLACEHOLDER_CUE_SECONDS,
  placeholderCues,
  type SpeechSegment,
} from './placeholder-transcript.js';
export {
  type PodcastTranscriptJson,
  type TranscriptHtmlOptions,
  toHtml,
  toPodcastJson,
  toSrt,
  toVtt,
} from './serialize-transcript.js';
export {
  type ParseErrorCode,
  type Problem,
  type ProblemCode,
  TranscriptParseError,
} from './transcript-errors.js';
export { type ValidateCuesOptions, validateCues } from './validate-cues.js';
