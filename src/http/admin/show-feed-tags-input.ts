import type { FeedTagFormValues } from '../../web/admin/show-feed-tags-fields.js';
import type { ShowFormErrorKey } from '../../web/admin/show-form.js';

type Form = Record<string, string | File | (string | File)[]>;

const one = (form: Form, name: string): string => {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};

/** The feed-tag fields of a posted show form, as typed. */
export function feedTagFormValues(form: Form): FeedTagFormValues {
  return {
    block: one(form, 'block') === 'on',
    complete: one(form, 'complete') === 'on',
    license: one(form, 'license'),
    licenseName: one(form, 'licenseName'),
    licenseUrl: one(form, 'licenseUrl'),
    locationName: one(form, 'locationName'),
    locationGeo: one(form, 'locationGeo'),
    locationOsm: one(form, 'locationOsm'),
    locationCountry: one(form, 'locationCountry'),
    frequencyText: one(form, 'frequencyText'),
    frequencyRule: one(form, 'frequencyRule'),
    frequencyCustomRule: one(form, 'frequencyCustomRule'),
    frequencyStart: one(form, 'frequencyStart'),
    podroll: one(form, 'podroll'),
  };
}

const optional = (value: string) => value.trim() || undefined;

/** `guid [feedUrl] [title…]`: the URL is recognised by its scheme, the rest of the line is the title. */
function podrollLine(line: string) {
  const [feedGuid = '', ...rest] = line.trim().split(/\s+/);
  const feedUrl = rest[0] && /^[a-z][a-z0-9+.-]*:\/\//i.test(rest[0]) ? rest.shift() : undefined;
  return { feedGuid, ...(feedUrl ? { feedUrl } : {}), ...(rest.length ? { title: rest.join(' ') } : {}) };
}

/**
 * The feed tags as the API's show input: empty groups become null (removed), so clearing the
 * fields of a group takes the tag out of the feed. Marking the show complete also marks its
 * schedule complete, as podcast:updateFrequency has its own `complete`.
 */
export function feedTagCandidate(v: FeedTagFormValues) {
  const location = [v.locationName, v.locationGeo, v.locationOsm, v.locationCountry].some((s) => s.trim())
    ? {
        name: v.locationName.trim(),
        geo: optional(v.locationGeo),
        osm: optional(v.locationOsm)?.toUpperCase(),
        country: optional(v.locationCountry)?.toLowerCase(),
      }
    : null;
  const rrule = v.frequencyRule === 'custom' ? optional(v.frequencyCustomRule) : optional(v.frequencyRule);
  const frequencyGiven = Boolean(v.frequencyText.trim() || rrule || v.frequencyStart.trim());
  return {
    block: v.block,
    complete: v.complete,
    license:
      v.license === ''
        ? null
        : v.license === 'custom'
          ? { name: v.licenseName.trim(), url: v.licenseUrl.trim() }
          : v.license,
    location,
    updateFrequency: frequencyGiven
      ? {
          text: v.frequencyText.trim(),
          rrule,
          dtstart: optional(v.frequencyStart),
          complete: v.complete || undefined,
        }
      : null,
    podroll: v.podroll
      .split('\n')
      .filter((line) => line.trim())
      .map(podrollLine),
  };
}

/** The form field and sentence for a refusal of one of the feed tags, or null for another field. */
export function feedTagError(
  path: readonly PropertyKey[],
  code: string,
): { field: string; message: ShowFormErrorKey } | null {
  const [top, second] = path.map(String);
  const missing = code === 'too_small';
  switch (top) {
    case 'license':
      if (second === 'name') return { field: 'licenseName', message: 'licenseIncomplete' };
      if (second === 'url') return { field: 'licenseUrl', message: 'licenseIncomplete' };
      return { field: 'license', message: 'invalidLicense' };
    case 'location':
      if (second === 'geo') return { field: 'locationGeo', message: 'invalidGeo' };
      if (second === 'osm') return { field: 'locationOsm', message: 'invalidOsm' };
      if (second === 'country') return { field: 'locationCountry', message: 'invalidCountry' };
      return { field: 'locationName', message: missing ? 'locationNameMissing' : 'invalidField' };
    case 'updateFrequency':
      if (second === 'rrule') return { field: 'frequencyCustomRule', message: 'invalidRrule' };
      if (second === 'dtstart') return { field: 'frequencyStart', message: 'invalidStart' };
      return { field: 'frequencyText', message: missing ? 'frequencyTextMissing' : 'invalidField' };
    case 'podroll':
      return { field: 'podroll', message: 'invalidPodroll' };
    default:
      return null;
  }
}
