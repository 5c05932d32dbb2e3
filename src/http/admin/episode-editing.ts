import type { AdminLabelKey } from '../../web/admin/admin-labels.js';
import type { EpisodeFormValues } from '../../web/admin/episode-screen.js';
import type { EditableChapter, EditableCue } from '../../web/admin/text-editors.js';
import { parseClockInput } from './clock-input.js';
import { parsePersons, parseSoundbites, personRows, soundbiteRows } from './credits-form.js';

type Form = Record<string, string | File | (string | File)[]>;

const strings = (form: Form, name: string): string[] =>
  ([] as unknown[]).concat(form[name] ?? []).filter((v): v is string => typeof v === 'string');
const one = (form: Form, name: string) => strings(form, name)[0] ?? '';

export function episodeFormValues(form: Form): EpisodeFormValues {
  return {
    title: one(form, 'title'),
    summary: one(form, 'summary'),
    description: one(form, 'description'),
    season: one(form, 'season'),
    number: one(form, 'number'),
    type: ['full', 'trailer', 'bonus'].includes(one(form, 'type')) ? one(form, 'type') : 'full',
    explicit: one(form, 'explicit') === 'on',
    persons: personRows(form),
    soundbites: soundbiteRows(form),
  };
}

function wholeNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The episode form as a patch for the episodes service, or the fields to correct. */
export function parseEpisodeForm(v: EpisodeFormValues) {
  const errors: Record<string, AdminLabelKey> = {};
  const title = v.title.trim();
  if (!title) errors.title = 'requiredField';
  else if (title.length > 255) errors.title = 'invalidField';
  if (v.summary.length > 4000) errors.summary = 'invalidField';
  // The API's limit (characters), so whatever the API stored can be saved here again.
  if (v.description.length > 10000) errors.description = 'invalidField';
  const season = wholeNumber(v.season);
  const number = wholeNumber(v.number);
  if (season === undefined) errors.season = 'invalidNumberField';
  if (number === undefined) errors.number = 'invalidNumberField';
  const persons = parsePersons(v.persons, errors);
  const soundbites = parseSoundbites(v.soundbites, errors);
  if (Object.keys(errors).length > 0) return { patch: null, errors };
  return {
    patch: {
      title,
      summary: v.summary.trim() || null,
      description: v.description.trim() || null,
      season: season ?? null,
      number: number ?? null,
      type: v.type as 'full' | 'trailer' | 'bonus',
      explicit: v.explicit,
      persons,
      soundbites,
    },
    errors,
  };
}

/** The cue editor's rows as Podcasting 2.0 transcript JSON; empty cues are left out. */
export function cuesToJson(form: Form): string | null {
  const starts = strings(form, 'start');
  const ends = strings(form, 'end');
  const texts = strings(form, 'text');
  const segments = texts
    .map((body, i) => ({ startTime: Number(starts[i]), endTime: Number(ends[i]), body: body.trim() }))
    .filter((s) => s.body && Number.isFinite(s.startTime) && Number.isFinite(s.endTime));
  return segments.length > 0 ? JSON.stringify({ version: '1.0.0', segments }) : null;
}

export function cuesFromJson(json: string): EditableCue[] {
  const parsed = JSON.parse(json) as { segments?: { startTime: number; endTime: number; body: string }[] };
  return (parsed.segments ?? []).map((s) => ({ start: s.startTime, end: s.endTime, text: s.body }));
}

/** The chapter rows as Podcasting 2.0 chapters JSON; a row without a title is left out. */
export function chaptersToJson(form: Form): { json: string; chapters: EditableChapter[] } | { error: true } {
  const starts = strings(form, 'chapterStart');
  const titles = strings(form, 'chapterTitle');
  const chapters: EditableChapter[] = [];
  for (let i = 0; i < titles.length; i++) {
    const title = titles[i].trim();
    if (!title) continue;
    const start = parseClockInput(starts[i] ?? '');
    if (start === null) return { error: true };
    chapters.push({ start, title: title.slice(0, 200) });
  }
  chapters.sort((a, b) => a.start - b.start);
  return {
    json: JSON.stringify({
      version: '1.2.0',
      chapters: chapters.map((c) => ({ startTime: c.start, title: c.title })),
    }),
    chapters,
  };
}
