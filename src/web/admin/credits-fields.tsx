import type { Episode } from '../../domain/episode.js';
import { personRoles, roleLabel } from '../../domain/person-roles.js';
import type { Person } from '../../domain/show.js';
import type { AdminContext } from './admin-context.js';
import type { AdminLabelKey } from './admin-labels.js';
import { Field, SelectField } from './form-field.js';
import { formatClock } from './format.js';

/** A podcast:person row as the form holds it: text as typed, so a refused row comes back as it was. */
export interface EditablePerson {
  name: string;
  role: string;
  organisation: string;
  href: string;
  img: string;
  /** Kept as it came (the API may set it) while the role stays the one it came with. */
  group: string;
  /** The role the row was shown with, so a changed role drops a group that belonged to the old one. */
  roleBefore: string;
}

/** A podcast:soundbite row as typed: start as a clock ("12:30"), duration in seconds. */
export interface EditableSoundbite {
  start: string;
  duration: string;
  title: string;
}

/** A stored person as a form row; no role is what the namespace reads as host. */
export const editablePerson = (p: Person): EditablePerson => ({
  name: p.name,
  role: p.role?.toLowerCase() ?? 'host',
  organisation: p.organisation ?? '',
  href: p.href ?? '',
  img: p.img ?? '',
  group: p.group ?? '',
  roleBefore: p.role?.toLowerCase() ?? 'host',
});

/** "1:02:05.5": the clock with what the API may have set below the second, so a save keeps it. */
function clockWithFraction(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = Number((seconds - whole).toFixed(3));
  return fraction > 0 ? `${formatClock(whole)}${String(fraction).slice(1)}` : formatClock(whole);
}

/** A stored soundbite as a form row. */
export const editableSoundbite = (s: Episode['soundbites'][number]): EditableSoundbite => ({
  start: clockWithFraction(s.startSeconds),
  duration: String(s.durationSeconds),
  title: s.title ?? '',
});

/** Blank rows under the filled ones: enough to add people without a script or a round trip. */
const blankRows = 2;

/** The message for a refused field (`persons.0.href`), or none. */
type ErrorOf = (field: string) => string | undefined;

/** Errors kept as label keys, in the staff member's language. */
export function labelErrors(ctx: AdminContext, errors: Record<string, AdminLabelKey>): ErrorOf {
  return (field) => (errors[field] ? ctx.t[errors[field]] : undefined);
}

/** People credited (podcast:person): name, role from the taxonomy, organisation, links. */
export function PersonsFieldset(props: {
  ctx: AdminContext;
  persons: EditablePerson[];
  errorOf: ErrorOf;
  legend: string;
  hint: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const rows = [
    ...props.persons,
    ...Array.from({ length: blankRows }, () => ({
      name: '',
      role: 'guest',
      organisation: '',
      href: '',
      img: '',
      group: '',
      roleBefore: 'guest',
    })),
  ];
  const err = props.errorOf;
  return (
    <fieldset class="za-fieldset" id="persons">
      <legend>{props.legend}</legend>
      <p class="za-hint">{props.hint}</p>
      {err('persons') && <p class="za-field-error">{err('persons')}</p>}
      <ol class="za-credit-list">
        {rows.map((person, i) => (
          <li class="za-row">
            <Field
              id={`person-name-${i}`}
              name="personName"
              label={`${i + 1}. ${t.personName}`}
              value={person.name}
              error={err(`persons.${i}.name`)}
            />
            <SelectField id={`person-role-${i}`} name="personRole" label={`${i + 1}. ${t.personRole}`}>
              {[...new Set([...personRoles, person.role.toLowerCase()])].map((role) => (
                <option value={role} selected={role === person.role.toLowerCase()}>
                  {roleLabel(role, ctx.locale)}
                </option>
              ))}
            </SelectField>
            <Field
              id={`person-organisation-${i}`}
              name="personOrganisation"
              label={`${i + 1}. ${t.personOrganisation}`}
              value={person.organisation}
              error={err(`persons.${i}.organisation`)}
            />
            <input type="hidden" name="personGroup" value={person.group} />
            <input type="hidden" name="personRoleBefore" value={person.roleBefore} />
            <Field
              id={`person-href-${i}`}
              name="personHref"
              label={`${i + 1}. ${t.personHref}`}
              value={person.href}
              type="url"
              error={err(`persons.${i}.href`)}
            />
            <Field
              id={`person-img-${i}`}
              name="personImg"
              label={`${i + 1}. ${t.personImg}`}
              value={person.img}
              type="url"
              error={err(`persons.${i}.img`)}
            />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

/** Soundbites (podcast:soundbite): short parts apps may play as a preview. */
export function SoundbitesFieldset(props: {
  ctx: AdminContext;
  soundbites: EditableSoundbite[];
  errorOf: ErrorOf;
}) {
  const { t } = props.ctx;
  const rows = [
    ...props.soundbites,
    ...Array.from({ length: blankRows }, () => ({ start: '', duration: '', title: '' })),
  ];
  const err = props.errorOf;
  return (
    <fieldset class="za-fieldset" id="soundbites">
      <legend>{t.soundbites}</legend>
      <p class="za-hint">{t.soundbitesHint}</p>
      {err('soundbites') && <p class="za-field-error">{err('soundbites')}</p>}
      <ol class="za-credit-list">
        {rows.map((soundbite, i) => (
          <li class="za-row">
            <Field
              id={`soundbite-start-${i}`}
              name="soundbiteStart"
              label={`${i + 1}. ${t.soundbiteStart}`}
              value={soundbite.start}
              error={err(`soundbites.${i}.start`)}
            />
            <Field
              id={`soundbite-duration-${i}`}
              name="soundbiteDuration"
              label={`${i + 1}. ${t.soundbiteDuration}`}
              value={soundbite.duration}
              error={err(`soundbites.${i}.duration`)}
            />
            <Field
              id={`soundbite-title-${i}`}
              name="soundbiteTitle"
              label={`${i + 1}. ${t.soundbiteTitle}`}
              value={soundbite.title}
              error={err(`soundbites.${i}.title`)}
            />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
