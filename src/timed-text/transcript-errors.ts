/**
 * Why a transcript or chapter file cannot be read at all. Thrown, never returned: there is no useful
 * partial result. `code` is stable (the HTTP layer translates it, Dutch first); `problem` is a plain
 * English sentence for logs and English clients; `line` is 1-based, null when the problem concerns
 * the whole file or a JSON value whose line is unknown.
 */
export class TranscriptParseError extends Error {
  override readonly name = 'TranscriptParseError';

  constructor(
    readonly code: ParseErrorCode,
    readonly problem: string,
    readonly line: number | null = null,
    readonly params: Record<string, string | number> = {},
  ) {
    super(line === null ? problem : `line ${line}: ${problem}`);
  }
}

export type ParseErrorCode =
  | 'too_large'
  | 'not_text'
  | 'empty'
  | 'no_cues'
  | 'missing_header'
  | 'missing_timing'
  | 'missing_blank_line'
  | 'bad_timestamp'
  | 'bad_json'
  | 'bad_structure'
  | 'bad_segment'
  | 'bad_chapter';

/** Something worth telling staff about a file that was read (warnings) or checked (errors). */
export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Plain English; the code and params are what a translation uses. */
  message: string;
  /** 1-based line in the source file, when known. */
  line?: number;
  /** 0-based position in the cue or chapter list, when the problem is about one of them. */
  index?: number;
  params?: Record<string, string | number>;
}

export type ProblemCode =
  | 'untimed'
  | 'missing_version'
  | 'multiple_voices'
  | 'text_continued'
  | 'unsafe_url_dropped'
  | 'cue_end_before_start'
  | 'cue_beyond_duration'
  | 'cue_out_of_order'
  | 'cue_overlap'
  | 'chapter_beyond_duration'
  | 'chapter_not_increasing'
  | 'chapter_end_before_start'
  | 'first_chapter_not_at_start'
  | 'more_problems';
