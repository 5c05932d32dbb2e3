import type { Child } from 'hono/jsx';
import { podcastLicenses } from '../../domain/podcast-licenses.js';
import type { Show } from '../../domain/show.js';
import type { AdminContext } from './admin-context.js';
import { feedTagLabels, licenseLabel } from './feed-tag-labels.js';
import { Check, Field, SelectField } from './form-field.js';

/** The feed tags as the form holds them: text as typed, so a refused form shows what was entered. */
export interface FeedTagFormValues {
  block: boolean;
  complete: boolean;
  /** '' (none), a listed id, or 'custom'. */
  license: string;
  licenseName: string;
  licenseUrl: string;
  locationName: string;
  locationGeo: string;
  locationOsm: string;
  locationCountry: string;
  frequencyText: string;
  /** '' (none), one of frequencyPresets, or 'custom'. */
  frequencyRule: string;
  frequencyCustomRule: string;
  frequencyStart: string;
  /** One recommended show per line: guid, then optionally feed URL and title. */
  podroll: string;
}

/** The schedules the form offers by name; anything else is a custom rule. */
export const frequencyPresets = [
  { rule: 'FREQ=DAILY', label: 'frequencyDaily' },
  { rule: 'FREQ=WEEKLY', label: 'frequencyWeekly' },
  { rule: 'FREQ=WEEKLY;INTERVAL=2', label: 'frequencyBiweekly' },
  { rule: 'FREQ=MONTHLY', label: 'frequencyMonthly' },
  { rule: 'FREQ=YEARLY', label: 'frequencyYearly' },
] as const;

export function feedTagValues(show: Show | null): FeedTagFormValues {
  const license = show?.license ?? null;
  const rrule = show?.updateFrequency?.rrule ?? '';
  const preset = frequencyPresets.some((p) => p.rule === rrule);
  return {
    block: show?.block ?? false,
    complete: show?.complete ?? false,
    license: license === null ? '' : typeof license === 'string' ? license : 'custom',
    licenseName: typeof license === 'object' && license ? license.name : '',
    licenseUrl: typeof license === 'object' && license ? license.url : '',
    locationName: show?.location?.name ?? '',
    locationGeo: show?.location?.geo ?? '',
    locationOsm: show?.location?.osm ?? '',
    locationCountry: show?.location?.country ?? '',
    frequencyText: show?.updateFrequency?.text ?? '',
    frequencyRule: rrule === '' ? '' : preset ? rrule : 'custom',
    frequencyCustomRule: preset ? '' : rrule,
    frequencyStart: show?.updateFrequency?.dtstart ?? '',
    podroll: (show?.podroll ?? [])
      .map((entry) => [entry.feedGuid, entry.feedUrl, entry.title].filter(Boolean).join(' '))
      .join('\n'),
  };
}

function Select(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  return (
    <SelectField name={props.name} label={props.label} error={props.error}>
      {props.options.map((option) => (
        <option value={option.value} selected={option.value === props.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}

/** A fieldset with its legend and a hint the screen reader reads with it. */
function Group(props: { id: string; legend: string; hint?: string; children?: Child }) {
  return (
    <fieldset class="za-fieldset" aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="za-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}

/** The feed tags of the show form; `err` gives a field's error sentence, if it has one. */
export function FeedTagFields(props: {
  ctx: AdminContext;
  values: FeedTagFormValues;
  err: (field: string) => string | undefined;
}) {
  const { values: v, err, ctx } = props;
  const l = feedTagLabels[ctx.locale];
  const licenses = [
    { value: '', label: l.licenseNone },
    ...podcastLicenses.map((license) => ({ value: license.id, label: licenseLabel(license.id, ctx.locale) })),
    { value: 'custom', label: l.licenseCustom },
  ];
  const schedules = [
    { value: '', label: l.frequencyNone },
    ...frequencyPresets.map((preset) => ({ value: preset.rule, label: l[preset.label] })),
    { value: 'custom', label: l.frequencyCustom },
  ];
  return (
    <>
      <Group id="tags-visibility" legend={l.visibilityTitle}>
        <Check name="block" label={l.block} checked={v.block} />
        <Check name="complete" label={l.complete} checked={v.complete} />
      </Group>
      <Group id="tags-license" legend={l.licenseTitle} hint={l.licenseHint}>
        <Select
          name="license"
          label={l.license}
          value={v.license}
          options={licenses}
          error={err('license')}
        />
        <Field
          name="licenseName"
          label={l.licenseName}
          hint={l.licenseNameHint}
          value={v.licenseName}
          error={err('licenseName')}
        />
        <Field
          name="licenseUrl"
          type="url"
          label={l.licenseUrl}
          value={v.licenseUrl}
          error={err('licenseUrl')}
        />
      </Group>
      <Group id="tags-location" legend={l.locationTitle} hint={l.locationHint}>
        <Field
          name="locationName"
          label={l.locationName}
          value={v.locationName}
          error={err('locationName')}
        />
        <Field
          name="locationGeo"
          label={l.locationGeo}
          hint={l.locationGeoHint}
          value={v.locationGeo}
          error={err('locationGeo')}
          extra={{ spellcheck: 'false' }}
        />
        <Field
          name="locationOsm"
          label={l.locationOsm}
          hint={l.locationOsmHint}
          value={v.locationOsm}
          error={err('locationOsm')}
          extra={{ spellcheck: 'false' }}
        />
        <Field
          name="locationCountry"
          label={l.locationCountry}
          hint={l.locationCountryHint}
          value={v.locationCountry}
          error={err('locationCountry')}
          extra={{ maxlength: 2, autocomplete: 'off' }}
        />
      </Group>
      <Group id="tags-frequency" legend={l.frequencyTitle} hint={l.frequencyHint}>
        <Field
          name="frequencyText"
          label={l.frequencyText}
          hint={l.frequencyTextHint}
          value={v.frequencyText}
          error={err('frequencyText')}
        />
        <Select
          name="frequencyRule"
          label={l.frequencyRule}
          value={v.frequencyRule}
          options={schedules}
          error={err('frequencyRule')}
        />
        <Field
          name="frequencyCustomRule"
          label={l.frequencyCustomRule}
          hint={l.frequencyCustomRuleHint}
          value={v.frequencyCustomRule}
          error={err('frequencyCustomRule')}
          extra={{ spellcheck: 'false' }}
        />
        <Field
          name="frequencyStart"
          label={l.frequencyStart}
          hint={l.frequencyStartHint}
          value={v.frequencyStart}
          error={err('frequencyStart')}
        />
      </Group>
      <Field
        name="podroll"
        label={l.podroll}
        hint={l.podrollHint}
        value={v.podroll}
        multiline
        rows={3}
        error={err('podroll')}
        extra={{ spellcheck: 'false' }}
      />
    </>
  );
}
