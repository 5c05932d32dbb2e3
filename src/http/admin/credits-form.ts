import type { Episode } from '../../domain/episode.js';
import type { Person } from '../../domain/show.js';
import type { AdminLabelKey } from '../../web/admin/admin-labels.js';
import type { EditablePerson, EditableSoundbite } from '../../web/admin/credits-fields.js';
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
  return column('personName')
    .map((name, i) => ({
      name,
      role: roles[i] || 'guest',
      organisation: organisations[i] ?? '',
      href: hrefs[i] ?? '',
      img: imgs[i] ?? '',
      group: groups[i] ?? '',
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

function isWebUrl(text: string): boolean {
  if (text.length > 2000 || !URL.canParse(text)) return false;
  return ['http:', 'https:'].includes(new URL(text).protocol);
}

/** Person rows as podcast:person values, with the same limits as the API; errors keyed `persons.{row}.{field}`. */
export function parsePersons(rows: EditablePerson[], errors: Errors): Person[] {
  return rows.map((row, i) => {
    if (!row.name) errors[`persons.${i}.name`] = 'requiredField';
    else if (row.name.length > 200) errors[`persons.${i}.name`] = 'invalidField';
    if (row.organisation.length > 200) errors[`persons.${i}.organisation`] = 'invalidField';
    if (row.href && !isWebUrl(row.href)) errors[`persons.${i}.href`] = 'invalidUrl';
    if (row.img && !isWebUrl(row.img)) errors[`persons.${i}.img`] = 'invalidUrl';
    return {
      name: row.name,
      role: row.role.slice(0, 100),
      ...(row.group ? { group: row.group.slice(0, 100) } : {}),
      ...(row.organisation ? { organisation: row.organisation } : {}),
      ...(row.href ? { href: row.href } : {}),
      ...(row.img ? { img: row.img } : {}),
    };
  });
}

/** Soundbite rows as podcast:soundbite values (start from a clock, 1–600 s long, as the API allows). */
export function parseSoundbites(rows: EditableSoundbite[], errors: Errors): Soundbite[] {
  return rows.map((row, i) => {
    const start = parseClockInput(row.start);
    const duration = Number(row.duration.replace(',', '.'));
    if (start === null) errors[`soundbites.${i}.start`] = 'invalidField';
    if (!row.duration || !Number.isFinite(duration) || duration <= 0 || duration > 600)
      errors[`soundbites.${i}.duration`] = 'invalidSoundbiteDuration';
    if (row.title.length > 128) errors[`soundbites.${i}.title`] = 'invalidField';
    return {
      startSeconds: start ?? 0,
      durationSeconds: duration,
      ...(row.title ? { title: row.title } : {}),
    };
  });
}
