import type { SearchEntry } from '../db/repositories/search/search-repository.js';
import type { SearchSource } from '../db/repositories/search/search-sources.js';
import { cleanHtml, htmlToText } from '../feeds/clean-html.js';

/** A passage is about half a minute of speech: precise enough to land near the words, few enough rows. */
const PASSAGE_SECONDS = 30;
const PASSAGE_CHARACTERS = 600;

/**
 * What search indexes of one episode: its title, its description, each chapter title at its
 * start, and its transcripts cut into passages of about half a minute, each starting at its first
 * cue so a hit can play from there.
 */
export function searchEntries(source: SearchSource): SearchEntry[] {
  const entries: SearchEntry[] = [
    { kind: 'title', language: source.language, start_seconds: null, label: null, text: source.title },
  ];
  const notes = [source.summary ?? '', htmlToText(cleanHtml(source.description ?? ''))]
    .map((t) => t.trim())
    .filter(Boolean)
    .join('\n');
  if (notes)
    entries.push({ kind: 'notes', language: source.language, start_seconds: null, label: null, text: notes });
  for (const chapter of source.chapters) {
    entries.push({
      kind: 'chapter',
      language: source.language,
      start_seconds: chapter.startTime,
      label: null,
      text: chapter.title,
    });
  }
  for (const transcript of source.transcripts) {
    for (const passage of passagesOf(transcript.cues)) {
      entries.push({
        kind: 'transcript',
        language: transcript.language,
        start_seconds: passage.start,
        label: passage.speaker,
        text: passage.lines.join(' '),
      });
    }
  }
  return entries;
}

interface Passage {
  start: number;
  speaker: string | null;
  lines: string[];
  length: number;
}

/** Consecutive cues joined until half a minute or 600 characters have passed, or the speaker changes. */
function passagesOf(cues: SearchSource['transcripts'][number]['cues']): Passage[] {
  const passages: Passage[] = [];
  let current: Passage | null = null;
  for (const cue of cues) {
    const text = cue.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const speaker = cue.speaker ?? null;
    const full =
      current !== null &&
      (cue.startSeconds - current.start >= PASSAGE_SECONDS ||
        current.length + text.length > PASSAGE_CHARACTERS ||
        (speaker !== null && speaker !== current.speaker));
    if (current === null || full) {
      current = { start: cue.startSeconds, speaker, lines: [], length: 0 };
      passages.push(current);
    }
    current.lines.push(text);
    current.length += text.length + 1;
  }
  return passages;
}
