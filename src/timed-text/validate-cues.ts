import type { Cue } from './cue.js';
import { ProblemList } from './problem-list.js';
import { formatClock } from './timestamps.js';
import type { Problem } from './transcript-errors.js';

export interface ValidateCuesOptions {
  /**
   * Slack past the end of the audio. Transcribers round, and the delivery MP3 can differ from the
   * recording they heard by the encoder's padding, so a cue ending a few frames late is no error.
   */
  toleranceSeconds?: number;
  /** Source line of each cue, as parseTranscript returns it, so problems can name a line. */
  cueLines?: readonly (number | undefined)[];
}

/**
 * Checks cue timings against each other and the episode's duration (unknown duration: pass 0 or
 * NaN, and only the order checks run). Errors are what makes captions show at the wrong moment or
 * never (ends before its start, past the audio, out of order); overlap is a warning because two
 * people talking at once is real. Untimed (plain-text) cues have nothing to check.
 */
export function validateCues(
  cues: readonly Cue[],
  durationSeconds: number,
  options: ValidateCuesOptions = {},
): Problem[] {
  const { toleranceSeconds = 0.5, cueLines } = options;
  if (cues.every((c) => c.startSeconds === 0 && c.endSeconds === 0)) return [];
  const problems = new ProblemList();
  const knownDuration = Number.isFinite(durationSeconds) && durationSeconds > 0;
  const limit = durationSeconds + toleranceSeconds;
  let latestEnd = Number.NEGATIVE_INFINITY;

  cues.forEach((cue, index) => {
    const where = { index, line: cueLines?.[index] };
    const at = `cue ${index + 1} (${formatClock(cue.startSeconds, '.')})`;
    if (cue.endSeconds < cue.startSeconds) {
      problems.add({
        ...where,
        code: 'cue_end_before_start',
        severity: 'error',
        message: `${at} ends before it starts`,
      });
    }
    if (knownDuration && Math.max(cue.startSeconds, cue.endSeconds) > limit) {
      problems.add({
        ...where,
        code: 'cue_beyond_duration',
        severity: 'error',
        message: `${at} runs past the end of the audio at ${formatClock(durationSeconds, '.')}`,
        params: { durationSeconds },
      });
    }
    const previous = cues[index - 1];
    if (previous && cue.startSeconds < previous.startSeconds) {
      problems.add({
        ...where,
        code: 'cue_out_of_order',
        severity: 'error',
        message: `${at} starts before the cue above it; cues must be in time order`,
      });
    } else if (cue.startSeconds < latestEnd) {
      problems.add({
        ...where,
        code: 'cue_overlap',
        severity: 'warning',
        message: `${at} starts before an earlier cue has ended; players may show both at once`,
      });
    }
    latestEnd = Math.max(latestEnd, cue.endSeconds);
  });
  return problems.toArray().map(dropUnknownLine);
}

function dropUnknownLine(problem: Problem): Problem {
  if (problem.line !== undefined) return problem;
  const { line: _line, ...rest } = problem;
  return rest;
}
