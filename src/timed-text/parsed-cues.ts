import type { Cue } from './cue.js';
import type { Problem } from './transcript-errors.js';

/** What each format's parser hands back to parseTranscript. */
export interface ParsedCues {
  cues: Cue[];
  /** 1-based source line of each cue (its timing line), so later checks can name a line; unknown for JSON. */
  cueLines: (number | undefined)[];
  warnings: Problem[];
}
