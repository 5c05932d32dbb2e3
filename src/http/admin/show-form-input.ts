import type { ShowInput } from '../../domain/show.js';
import { channels as socialChannels } from '../../social/channels.js';
import type { AdminLabelKey } from '../../web/admin/admin-labels.js';
import type { ShowFormErrorKey, ShowFormValues } from '../../web/admin/show-form.js';
import { showInputSchema } from '../schemas/show-schemas.js';
import { parsePersons, personRows } from './credits-form.js';
import { feedTagCandidate, feedTagError, feedTagFormValues } from './show-feed-tags-input.js';

type Form = Record<string, string | File | (string | File)[]>;

const one = (form: Form, name: string): string => {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};
const all = (form: Form, name: string): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
};
const lines = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The form as typed, so a refused form shows exactly what was entered. */
export function showFormValues(form: Form): ShowFormValues {
  return {
    title: one(form, 'title'),
    description: one(form, 'description'),
    author: one(form, 'author'),
    ownerName: one(form, 'ownerName'),
    ownerEmail: one(form, 'ownerEmail'),
    language: one(form, 'language') || 'nl',
    category: one(form, 'category'),
    category2: one(form, 'category2'),
    explicit: one(form, 'explicit') === 'on',
    type: one(form, 'type') === 'serial' ? 'serial' : 'episodic',
    link: one(form, 'link'),
    copyright: one(form, 'copyright'),
    locked: one(form, 'locked') === 'on',
    loudness: one(form, 'loudness'),
    channels: all(form, 'channels').filter((c) => (socialChannels as readonly string[]).includes(c)),
    hashtags: one(form, 'hashtags'),
    embedAllowlist: one(form, 'embedAllowlist'),
    movedFeedUrl: one(form, 'movedFeedUrl'),
    movedAfter: one(form, 'movedAfter'),
    persons: personRows(form),
    ...feedTagFormValues(form),
  };
}

const fieldOf: Record<string, string> = {
  owner: 'ownerEmail',
  loudnessTargetLufs: 'loudness',
  social: 'hashtags',
  categories: 'category',
};
const messageOf: Record<string, ShowFormErrorKey> = {
  ownerEmail: 'invalidEmail',
  link: 'invalidUrl',
  loudness: 'invalidLoudness',
  embedAllowlist: 'invalidOrigin',
  hashtags: 'invalidHashtag',
  language: 'invalidLanguage',
  category: 'tooManyCategories',
  movedFeedUrl: 'invalidUrl',
  movedAfter: 'invalidDate',
};

/** Validates with the API's own schema; errors come back per form field as label keys. */
export function parseShowForm(
  values: ShowFormValues,
): { input: ShowInput; errors: null } | { input: null; errors: Record<string, ShowFormErrorKey> } {
  const loudness = values.loudness.trim().replace('−', '-').replace(',', '.');
  const personErrors: Record<string, AdminLabelKey> = {};
  const persons = parsePersons(values.persons, personErrors);
  const candidate = {
    title: values.title.trim(),
    description: values.description.trim(),
    author: values.author.trim(),
    owner: { name: values.ownerName.trim() || undefined, email: values.ownerEmail.trim() },
    language: values.language.trim(),
    categories: [values.category, values.category2].filter(Boolean),
    explicit: values.explicit,
    type: values.type,
    link: values.link.trim() || null,
    copyright: values.copyright.trim() || null,
    locked: values.locked,
    loudnessTargetLufs: loudness === '' ? null : Number(loudness),
    social: { channels: values.channels, hashtags: lines(values.hashtags) },
    embedAllowlist: lines(values.embedAllowlist),
    // Moving away: the new address, and the day the old feed starts answering 301 (midnight UTC).
    movedTo: values.movedFeedUrl.trim()
      ? {
          feedUrl: values.movedFeedUrl.trim(),
          redirectAfter: /^\d{4}-\d{2}-\d{2}$/.test(values.movedAfter)
            ? `${values.movedAfter}T00:00:00Z`
            : '',
        }
      : null,
    persons,
    ...feedTagCandidate(values),
  };
  const parsed = showInputSchema.safeParse(candidate);
  const hasPersonErrors = Object.keys(personErrors).length > 0;
  if (parsed.success && !hasPersonErrors) return { input: parsed.data as ShowInput, errors: null };
  const errors: Record<string, ShowFormErrorKey> = { ...personErrors };
  if (parsed.success) return { input: null, errors };
  for (const issue of parsed.error.issues) {
    const tag = feedTagError(issue.path, issue.code);
    if (tag) {
      errors[tag.field] ??= tag.message;
      continue;
    }
    const top = String(issue.path[0] ?? '');
    // Person rows: next to the row's field (parsePersons checked them with the same schema).
    if (top === 'persons') {
      const key =
        issue.path.length >= 3 ? `persons.${String(issue.path[1])}.${String(issue.path[2])}` : 'persons';
      errors[key] ??= key === 'persons' ? 'tooManyRows' : 'invalidField';
      continue;
    }
    const field =
      top === 'movedTo'
        ? issue.path[1] === 'redirectAfter'
          ? 'movedAfter'
          : 'movedFeedUrl'
        : (fieldOf[top] ?? top);
    const empty = issue.code === 'too_small' && (candidate as Record<string, unknown>)[top] === '';
    errors[field] ??= empty ? 'requiredField' : (messageOf[field] ?? 'invalidField');
  }
  return { input: null, errors };
}
