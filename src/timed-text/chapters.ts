import { isObject, missingVersion, parseJson, readSeconds } from './json-values.js';
import { toPlainLabel } from './plain-text.js';
import { ProblemList } from './problem-list.js';
import { clip, prepareText, splitBlocks } from './source-text.js';
import { formatClock, parseClock } from './timestamps.js';
import { type Problem, TranscriptParseError } from './transcript-errors.js';

/**
 * Chapters in the Podcasting 2.0 JSON chapters format, version 1.2
 * (podcast-namespace docs/examples/chapters/jsonChapters.md). Field names follow that format so the
 * stored value is the published one; times are seconds.
 */
export interface Chapter {
  startTime: number;
  endTime?: number;
  title?: string;
  img?: string;
  url?: string;
  /** false: a silent marker (artwork change) that players keep out of the table of contents. */
  toc?: boolean;
  location?: { name: string; geo: string; osm?: string };
}

export interface ChaptersJson {
  version: string;
  title?: string;
  author?: string;
  podcastName?: string;
  chapters: Chapter[];
}

/** A chapter list is a few kilobytes; one megabyte is already absurd. */
export const MAX_CHAPTERS_BYTES = 1024 * 1024;

/**
 * The version written. The format's documents call it "1.2" and write "1.2.0" in every example;
 * players compare the major version only. The ingest code writes "1.2.0" for ID3 chapters too.
 */
export const CHAPTERS_VERSION = '1.2.0';

/**
 * Reads chapters staff PUT: JSON chapters (application/json, application/json+chapters) or a plain
 * list with one chapter per line, as podcasters write them in show notes:
 * `00:00 Intro`, `12:30 - Interview`, `1:02:03 Slot`. Without a telling Content-Type, a body that
 * starts with `{` is JSON. Throws TranscriptParseError naming the line for anything unreadable.
 */
export function parseChapters(
  body: string,
  contentType?: string | null,
): { chapters: Chapter[]; warnings: Problem[] } {
  const text = prepareText(body, MAX_CHAPTERS_BYTES);
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const json = type.includes('json') || (type !== 'text/plain' && text.trimStart().startsWith('{'));
  return json ? parseJsonChapters(text) : parseChapterLines(text);
}

function parseJsonChapters(text: string): { chapters: Chapter[]; warnings: Problem[] } {
  const data = parseJson(text);
  if (!isObject(data) || !Array.isArray(data.chapters)) {
    throw new TranscriptParseError(
      'bad_structure',
      'expected Podcasting 2.0 chapters: an object like {"version": "1.2.0", "chapters": [...]}',
    );
  }
  const warnings = new ProblemList();
  if (typeof data.version !== 'string') warnings.add(missingVersion(CHAPTERS_VERSION));
  const entries: unknown[] = data.chapters;
  const chapters = entries.map((entry, i): Chapter => {
    const n = i + 1;
    if (!isObject(entry)) throw badChapter(n, 'is not an object');
    const startTime = readSeconds(entry.startTime);
    if (startTime === undefined) throw badChapter(n, 'needs a startTime in seconds, a number of 0 or more');
    const chapter: Chapter = { startTime };
    if (entry.endTime !== undefined && entry.endTime !== null) {
      const endTime = readSeconds(entry.endTime);
      if (endTime === undefined) throw badChapter(n, 'has an endTime that is not a number of seconds');
      chapter.endTime = endTime;
    }
    if (entry.title !== undefined && entry.title !== null) {
      if (typeof entry.title !== 'string') throw badChapter(n, 'has a title that is not text');
      const title = toPlainLabel(entry.title);
      if (title) chapter.title = title;
    }
    for (const key of ['img', 'url'] as const) {
      const value = entry[key];
      if (value === undefined || value === null || value === '') continue;
      const safe = typeof value === 'string' ? webUrl(value) : undefined;
      if (safe) chapter[key] = safe;
      else warnings.add(unsafeUrl(i, key));
    }
    if (entry.toc !== undefined && entry.toc !== null) {
      if (typeof entry.toc !== 'boolean') throw badChapter(n, 'has a toc that is not true or false');
      chapter.toc = entry.toc;
    }
    const location = readLocation(entry.location);
    if (location) chapter.location = location;
    return chapter;
  });
  return { chapters, warnings: warnings.toArray() };
}

// A time, then the title after a space or a dash: "00:00 Intro", "[12:30] - Interview", "1:02:03".
const CHAPTER_LINE = /^[[(]?(\d[\d:.,]*\d)[\])]?(?:(?:\s*[-–—|]\s*|\s+)(.*))?$/;

function parseChapterLines(text: string): { chapters: Chapter[]; warnings: Problem[] } {
  const chapters: Chapter[] = [];
  for (const block of splitBlocks(text.split('\n'))) {
    block.lines.forEach((raw, offset) => {
      const line = block.line + offset;
      const match = CHAPTER_LINE.exec(raw.trim());
      if (!match) {
        throw new TranscriptParseError(
          'bad_chapter',
          `expected a time and a title, like "12:30 Interview", but found "${clip(raw.trim())}"`,
          line,
        );
      }
      const time = parseClock(match[1]);
      if (!time.ok) throw new TranscriptParseError('bad_chapter', time.why, line);
      const chapter: Chapter = { startTime: time.seconds };
      const title = toPlainLabel(match[2] ?? '');
      if (title) chapter.title = title;
      chapters.push(chapter);
    });
  }
  return { chapters, warnings: [] };
}

/**
 * Checks chapters against each other and the episode's duration (unknown duration: pass 0 or NaN).
 * Players jump to startTime, so a start past the end or a list out of order is an error.
 */
export function validateChapters(
  chapters: readonly Chapter[],
  durationSeconds: number,
  options: { toleranceSeconds?: number } = {},
): Problem[] {
  const { toleranceSeconds = 0.5 } = options;
  const problems = new ProblemList();
  const knownDuration = Number.isFinite(durationSeconds) && durationSeconds > 0;
  chapters.forEach((chapter, index) => {
    const at = `chapter ${index + 1} (${formatClock(chapter.startTime, '.')}${chapter.title ? ` "${clip(chapter.title)}"` : ''})`;
    if (knownDuration && chapter.startTime >= durationSeconds) {
      problems.add({
        index,
        code: 'chapter_beyond_duration',
        severity: 'error',
        message: `${at} starts after the audio ends at ${formatClock(durationSeconds, '.')}`,
        params: { durationSeconds },
      });
    } else if (
      knownDuration &&
      chapter.endTime !== undefined &&
      chapter.endTime > durationSeconds + toleranceSeconds
    ) {
      problems.add({
        index,
        code: 'chapter_beyond_duration',
        severity: 'error',
        message: `${at} ends after the audio ends at ${formatClock(durationSeconds, '.')}`,
        params: { durationSeconds },
      });
    }
    if (chapter.endTime !== undefined && chapter.endTime <= chapter.startTime) {
      problems.add({
        index,
        code: 'chapter_end_before_start',
        severity: 'error',
        message: `${at} ends before it starts`,
      });
    }
    const previous = chapters[index - 1];
    if (previous && chapter.startTime <= previous.startTime) {
      problems.add({
        index,
        code: 'chapter_not_increasing',
        severity: 'error',
        message: `${at} does not start after the chapter above it; chapters must be in time order`,
      });
    }
  });
  if (chapters.length > 0 && chapters[0].startTime > 0) {
    problems.add({
      index: 0,
      code: 'first_chapter_not_at_start',
      severity: 'warning',
      message: 'the first chapter does not start at 0:00; players show no chapter before it',
    });
  }
  return problems.toArray();
}

/** The JSON chapters document to serve as application/json+chapters and link from podcast:chapters. */
export function toChaptersJson(
  chapters: readonly Chapter[],
  meta: { title?: string; author?: string; podcastName?: string } = {},
): ChaptersJson {
  const out: ChaptersJson = { version: CHAPTERS_VERSION, chapters: [] };
  for (const key of ['title', 'author', 'podcastName'] as const) if (meta[key]) out[key] = meta[key];
  // Only known fields, in the format's order, so nothing a caller attached leaks into the file.
  out.chapters = chapters.map((c) => {
    const chapter: Chapter = { startTime: c.startTime };
    if (c.title !== undefined) chapter.title = c.title;
    if (c.img !== undefined) chapter.img = c.img;
    if (c.url !== undefined) chapter.url = c.url;
    if (c.toc !== undefined) chapter.toc = c.toc;
    if (c.endTime !== undefined) chapter.endTime = c.endTime;
    if (c.location !== undefined) chapter.location = c.location;
    return chapter;
  });
  return out;
}

/** Only http(s) URLs: players and our embed page turn these into links and images. */
function webUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const { protocol } = new URL(trimmed);
  return protocol === 'https:' || protocol === 'http:' ? trimmed : undefined;
}

function readLocation(value: unknown): Chapter['location'] {
  if (!isObject(value) || typeof value.name !== 'string' || typeof value.geo !== 'string') return undefined;
  const location: NonNullable<Chapter['location']> = {
    name: toPlainLabel(value.name),
    geo: value.geo.trim(),
  };
  if (typeof value.osm === 'string') location.osm = value.osm.trim();
  return location;
}

function unsafeUrl(index: number, key: 'img' | 'url'): Problem {
  return {
    code: 'unsafe_url_dropped',
    severity: 'warning',
    index,
    message: `chapter ${index + 1}: the ${key} is not a web address (http or https) and was left out`,
    params: { field: key },
  };
}

function badChapter(n: number, what: string): TranscriptParseError {
  return new TranscriptParseError('bad_chapter', `chapter ${n} ${what}`, null, { chapter: n });
}
