import type { Cue } from './cue.js';
import { formatClock, toMillisecond } from './timestamps.js';

/**
 * Every format players read, built from the same cues. Cue text is plain text (see cue.ts), so each
 * writer escapes what its format would otherwise read as markup, and parseTranscript reads any of
 * them back to the same cues.
 */

/** WebVTT with `<v Speaker>` voices (read by browsers' <track>, and by Apple Podcasts for names). */
export function toVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const timing = `${formatClock(cue.startSeconds, '.')} --> ${formatClock(cue.endSeconds, '.')}`;
    const voice = cue.speaker ? `<v ${escapeMarkup(oneLine(cue.speaker))}>` : '';
    const text = cueLines(cue.text).map(escapeMarkup).join('\n');
    // An empty cue (a placeholder) is a timing line alone, which WebVTT allows.
    return voice || text ? `${timing}\n${voice}${text}` : timing;
  });
  return `WEBVTT\n\n${blocks.map((b) => `${b}\n`).join('\n')}`;
}

/**
 * SubRip. Speakers follow the Podcasting 2.0 SRT guidance, "Name: " at the start of the card where
 * the speaker changes; parseTranscript reads that back and carries the name to the following cards.
 * `<` and `>` are escaped because players read SRT tags (<i>, <font>) and "-->" would end the cue.
 */
export function toSrt(cues: readonly Cue[]): string {
  let lastSpeaker: string | undefined;
  const blocks = cues.map((cue, i) => {
    const timing = `${formatClock(cue.startSeconds, ',')} --> ${formatClock(cue.endSeconds, ',')}`;
    const lines = cueLines(cue.text).map(escapeAngles);
    if (cue.speaker && cue.speaker !== lastSpeaker) {
      lines[0] = `${escapeAngles(oneLine(cue.speaker))}: ${lines[0] ?? ''}`.trimEnd();
    }
    lastSpeaker = cue.speaker ?? lastSpeaker;
    return [String(i + 1), timing, ...lines].join('\n');
  });
  return blocks.map((b) => `${b}\n`).join('\n');
}

export interface PodcastTranscriptJson {
  version: '1.0.0';
  segments: { speaker?: string; startTime: number; endTime: number; body: string }[];
}

/** Podcasting 2.0 transcript JSON, version 1.0.0; the caller serializes it with JSON.stringify. */
export function toPodcastJson(cues: readonly Cue[]): PodcastTranscriptJson {
  return {
    version: '1.0.0',
    segments: cues.map((cue) => ({
      ...(cue.speaker ? { speaker: cue.speaker } : {}),
      startTime: toMillisecond(cue.startSeconds),
      endTime: toMillisecond(cue.endSeconds),
      body: cue.text,
    })),
  };
}

export interface TranscriptHtmlOptions {
  /** Speaker label in the file → the name to show, e.g. the episode's people ("SPEAKER_1" → "Jan de Vries, wethouder"). */
  speakers?: Readonly<Record<string, string>>;
  /** Accessible name of the section; Dutch pages pass their own. */
  label?: string;
  /** Language of the transcript (BCP 47), so screen readers pronounce it right. */
  lang?: string;
}

/**
 * Accessible HTML for the public page and the embed player: a labelled <section>, a <p> per cue with
 * data-start/data-end (seconds) for the player's sync, a <time> a reader can see, and the speaker
 * named where the speaker changes (as in a printed interview). Every value is escaped.
 */
export function toHtml(cues: readonly Cue[], options: TranscriptHtmlOptions = {}): string {
  const { speakers = {}, label = 'Transcript', lang } = options;
  const timed = cues.some((c) => c.startSeconds !== 0 || c.endSeconds !== 0);
  let lastSpeaker: string | undefined;
  const paragraphs = cues.map((cue) => {
    const parts: string[] = [];
    if (timed) {
      const start = toMillisecond(cue.startSeconds);
      parts.push(`<time datetime="PT${start}S">${escapeHtml(shortClock(start))}</time>`);
    }
    if (cue.speaker && cue.speaker !== lastSpeaker) {
      const name = Object.hasOwn(speakers, cue.speaker) ? speakers[cue.speaker] : cue.speaker;
      parts.push(`<span class="speaker">${escapeHtml(name)}:</span>`);
    }
    lastSpeaker = cue.speaker;
    parts.push(cueLines(cue.text).map(escapeHtml).join('<br>'));
    const data = timed
      ? ` data-start="${toMillisecond(cue.startSeconds)}" data-end="${toMillisecond(cue.endSeconds)}"`
      : '';
    return `<p${data}>${parts.filter(Boolean).join(' ')}</p>`;
  });
  const langAttr = lang ? ` lang="${escapeHtml(lang)}"` : '';
  return `<section class="transcript" aria-label="${escapeHtml(label)}"${langAttr}>\n${paragraphs.join('\n')}\n</section>\n`;
}

/** Text lines with no empty line among them: an empty line would end a WebVTT or SRT cue. */
function cueLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** A speaker label sits inside a tag or before a colon; a line break there would break the cue. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAngles(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeHtml(text: string): string {
  return escapeMarkup(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** "1:02:03" or "2:03": how people write a moment in an episode. */
function shortClock(seconds: number): string {
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
