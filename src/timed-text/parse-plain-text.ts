import type { Cue } from './cue.js';
import type { ParsedCues } from './parsed-cues.js';
import { toPlainText } from './plain-text.js';
import { splitBlocks } from './source-text.js';
import { splitSpeakerPrefix } from './speaker-prefix.js';

/**
 * Plain text has no timings: each paragraph becomes one cue at 0–0, so the text can still be shown
 * on the public page and as HTML. A paragraph is a turn, so "Name: …" names only its own paragraph.
 */
export function parsePlainText(text: string): ParsedCues {
  const cues: Cue[] = [];
  const cueLines: number[] = [];
  for (const block of splitBlocks(text.split('\n'))) {
    const { speaker, text: body } = splitSpeakerPrefix(toPlainText(block.lines.join('\n')));
    // A paragraph of nothing but markup leaves no text; an empty untimed cue says nothing.
    if (!body) continue;
    const cue: Cue = { startSeconds: 0, endSeconds: 0, text: body };
    if (speaker) cue.speaker = speaker;
    cues.push(cue);
    cueLines.push(block.line);
  }
  const warnings =
    cues.length > 0
      ? [
          {
            code: 'untimed' as const,
            severity: 'warning' as const,
            message:
              'plain text has no timings: it can be read on the page but not shown as captions; upload WebVTT or SRT for that',
          },
        ]
      : [];
  return { cues, cueLines, warnings };
}
