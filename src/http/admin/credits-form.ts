import type { Episode } from '../../domain/episode.js';
import type { Person } from '../../domain/show.js';
import type { AdminLabelKey } from '../../web/admin/admin-labels.js';
import type { EditablePerson, EditableSoundbite } from '../../web/admin/credits-fields.js';
import { personSchema, text } from '../schemas/common-schemas.js';
import { parseClockInput } from './clock-input.js';

type Form = Record<string, string | File | (string | File)[]>;
type Errors = Record<string, AdminLabelKey>;
type Soundbite = Episode['soundbites'][number];

const strings = (form: Form, name: string): string[] =>
  ([] as unknown[]).concat(form[name] ?? []).filter((v): v is string => typeof v === 'string');

/** The person rows as typed; rows with nothing typed in them are blank rows and left out. */
export function personRows(form: Form): EditablePerson[] {
  const column = (name: string) => strings(form, name).map((value) => value.trim());
  const roles = column('personRole');
  const organisations = column('personOrganisation');
  const hrefs = column('personHref');
  const imgs = column('personImg');
  const groups = column('personGroup');
  const rolesBefore = column('personRoleBefore');
  return column('personName')
    .map((name, i) => ({
      name,
      role: roles[i] || 'guest',
      organisation: organisations[i] ?? '',
      href: hrefs[i] ?? '',
      img: imgs[i] ?? '',
      // A group belongs to a role: kept only while the role is the one it came with.
      group: roles[i] && roles[i] === rolesBefore[i] ? (groups[i] ?? '') : '',
      roleBefore: rolesBefore[i] ?? '',
    }))
    .filter((row) => row.name !== '' || row.organisation !== '' || row.href !== '' || row.img !== '');
}

/** The soundbite rows as typed; fully blank rows are left out. */
export function soundbiteRows(form: Form): EditableSoundbite[] {
  const starts = strings(form, 'soundbiteStart');
  const durations = strings(form, 'soundbiteDuration');
  const titles = strings(form, 'soundbiteTitle');
  return starts
    .map((start, i) => ({
      start: start.trim(),
      duration: (durations[i] ?? '').trim(),
      title: (titles[i] ?? '').trim(),
    }))
    .filter((row) => row.start !== '' || row.duration !== '' || row.title !== '');
}

/** As many as the API takes (its schemas' limits). */
const maxPersons = 50;
const maxSoundbites = 20;
const soundbiteTitle = text(128);

/** Person rows as podcast:person values, checked by the API's own schema; errors keyed `persons.{row}.{field}`. */
export function parsePersons(rows: EditablePerson[], errors: Errors): Person[] {
  if (rows.length > maxPersons) errors.persons = 'tooManyRows';
  return rows.map((row, i) => {
    const person = {
      name: row.name,
      role: row.role,
      ...(row.group ? { group: row.group } : {}),
      ...(row.organisation ? { organisation: row.organisation } : {}),
      ...(row.href ? { href: row.href } : {}),
      ...(row.img ? { img: row.img } : {}),
    };
    const checked = personSchema.safeParse(person);
    if (!row.name) errors[`persons.${i}.name`] = 'requiredField';
    for (const issue of checked.success ? [] : checked.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      errors[`persons.${i}.${field}`] ??= field === 'href' || field === 'img' ? 'invalidUrl' : 'invalidField';
    }
    return person;
  });
}

/** Soundbite rows as podcast:soundbite values (start from a clock, 1–600 s long, as the API allows). */
export function parseSoundbites(rows: EditableSoundbite[], errors: Errors): Soundbite[] {
  if (rows.length > maxSoundbites) errors.soundbites = 'tooManyRows';
  return rows.map((row, i) => {
    const start = parseClockInput(row.start);
    const duration = Number(row.duration.replace(',', '.'));
    if (start === null) errors[`soundbites.${i}.start`] = 'invalidField';
    if (!row.duration || !Number.isFinite(duration) || duration <= 0 || duration > 600)
      errors[`soundbites.${i}.duration`] = 'invalidSoundbiteDuration';
    if (!soundbiteTitle.safeParse(row.title).success) errors[`soundbites.${i}.title`] = 'invalidField';
    return {
      startSeconds: start ?? 0,
      durationSeconds: duration,
      ...(row.title ? { title: row.title } : {}),
    };
  });
}
