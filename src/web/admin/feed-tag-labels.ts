/**
 * The words of the show form's feed tags (Apple's block and complete, and the Podcasting 2.0
 * license, location, schedule and podroll), Dutch first and English key for key.
 */
const nl = {
  visibilityTitle: 'Zichtbaarheid in apps',
  block: 'Verbergen in Apple Podcasts (itunes:block)',
  complete: 'Afgerond: er komen geen nieuwe afleveringen (itunes:complete)',
  licenseTitle: 'Licentie',
  licenseHint:
    'Wat anderen met de audio mogen doen (podcast:license). Een eigen licentie heeft een naam en het adres van de licentietekst nodig.',
  license: 'Licentie',
  licenseNone: 'Geen licentie opgeven',
  licenseCustom: 'Eigen licentie (naam en adres hieronder)',
  licenseName: 'Naam van de eigen licentie',
  licenseNameHint: 'Kort, zoals gemeente-open-1.0.',
  licenseUrl: 'Adres van de licentietekst',
  locationTitle: 'Plaats waar de podcast over gaat',
  locationHint:
    'Voor apps die podcasts op de kaart tonen (podcast:location). Laat leeg als de podcast niet over één plaats gaat.',
  locationName: 'Naam van de plaats',
  locationGeo: 'Coördinaten (geo-URI)',
  locationGeoHint: 'Breedte en lengte, zoals geo:52.3676,4.9041.',
  locationOsm: 'OpenStreetMap-id',
  locationOsmHint: 'Type en nummer, zoals R271110 (R relatie, W weg, N punt).',
  locationCountry: 'Landcode',
  locationCountryHint: 'Twee letters, zoals nl.',
  frequencyTitle: 'Verschijningsfrequentie',
  frequencyHint: 'Hoe vaak er een aflevering komt (podcast:updateFrequency).',
  frequencyText: 'Omschrijving',
  frequencyTextHint: 'Zoals: Elke twee weken op maandag.',
  frequencyRule: 'Schema',
  frequencyNone: 'Geen schema',
  frequencyDaily: 'Dagelijks',
  frequencyWeekly: 'Wekelijks',
  frequencyBiweekly: 'Elke twee weken',
  frequencyMonthly: 'Maandelijks',
  frequencyYearly: 'Jaarlijks',
  frequencyCustom: 'Eigen herhaalregel (hieronder)',
  frequencyCustomRule: 'Eigen herhaalregel (RRULE)',
  frequencyCustomRuleHint: 'Volgens RFC 5545, zoals FREQ=WEEKLY;BYDAY=MO.',
  frequencyStart: 'Vanaf',
  frequencyStartHint: 'Optioneel: de eerste datum, zoals 2026-09-07.',
  podroll: 'Aanbevolen podcasts (podcast:podroll)',
  podrollHint:
    'Eén podcast per regel: de podcast:guid, dan eventueel het feedadres en de titel. Bijvoorbeeld: 917393e3-1b1e-5cef-ace4-edaa54e1f810 https://feeds.podcastindex.org/pc20.xml Podcasting 2.0',
  // Errors next to the field.
  invalidLicense: 'Kies een licentie uit de lijst.',
  licenseIncomplete: 'Vul bij een eigen licentie een naam en een volledig webadres (https://) in.',
  locationNameMissing: 'Vul de naam van de plaats in; coördinaten en een OSM-id horen bij een naam.',
  invalidGeo:
    'Vul coördinaten in zoals geo:52.3676,4.9041 (breedte tussen −90 en 90, lengte tussen −180 en 180).',
  invalidOsm: 'Vul N, W of R in, gevolgd door cijfers, zoals R271110.',
  invalidCountry: 'Vul twee kleine letters in, zoals nl.',
  frequencyTextMissing: 'Vul een omschrijving in, zoals: Wekelijks.',
  invalidRrule: 'Deze herhaalregel kunnen apps niet lezen; gebruik bijvoorbeeld FREQ=WEEKLY;BYDAY=MO.',
  invalidStart: 'Vul een datum in zoals 2026-09-07 (bij een regel met COUNT is die verplicht).',
  invalidPodroll:
    'Begin elke regel met een podcast:guid (zoals 917393e3-1b1e-5cef-ace4-edaa54e1f810), dan eventueel een feedadres met https:// en een titel.',
} as const;

export type FeedTagLabelKey = keyof typeof nl;

const en: { [K in FeedTagLabelKey]: string } = {
  visibilityTitle: 'Visibility in apps',
  block: 'Hide from Apple Podcasts (itunes:block)',
  complete: 'Complete: no new episodes will come (itunes:complete)',
  licenseTitle: 'Licence',
  licenseHint:
    'What others may do with the audio (podcast:license). A licence of your own needs a name and the address of its text.',
  license: 'Licence',
  licenseNone: 'No licence',
  licenseCustom: 'Own licence (name and address below)',
  licenseName: 'Name of your own licence',
  licenseNameHint: 'Short, such as council-open-1.0.',
  licenseUrl: 'Address of the licence text',
  locationTitle: 'Place the podcast is about',
  locationHint:
    'For apps that show podcasts on a map (podcast:location). Leave empty when the podcast is not about one place.',
  locationName: 'Name of the place',
  locationGeo: 'Coordinates (geo URI)',
  locationGeoHint: 'Latitude and longitude, such as geo:52.3676,4.9041.',
  locationOsm: 'OpenStreetMap id',
  locationOsmHint: 'Type and number, such as R271110 (R relation, W way, N node).',
  locationCountry: 'Country code',
  locationCountryHint: 'Two letters, such as nl.',
  frequencyTitle: 'Release schedule',
  frequencyHint: 'How often an episode comes out (podcast:updateFrequency).',
  frequencyText: 'Description',
  frequencyTextHint: 'Such as: Every other Monday.',
  frequencyRule: 'Schedule',
  frequencyNone: 'No schedule',
  frequencyDaily: 'Daily',
  frequencyWeekly: 'Weekly',
  frequencyBiweekly: 'Every two weeks',
  frequencyMonthly: 'Monthly',
  frequencyYearly: 'Yearly',
  frequencyCustom: 'Own recurrence rule (below)',
  frequencyCustomRule: 'Own recurrence rule (RRULE)',
  frequencyCustomRuleHint: 'As RFC 5545 writes it, such as FREQ=WEEKLY;BYDAY=MO.',
  frequencyStart: 'From',
  frequencyStartHint: 'Optional: the first date, such as 2026-09-07.',
  podroll: 'Recommended podcasts (podcast:podroll)',
  podrollHint:
    'One podcast per line: its podcast:guid, then optionally its feed address and title. For example: 917393e3-1b1e-5cef-ace4-edaa54e1f810 https://feeds.podcastindex.org/pc20.xml Podcasting 2.0',
  invalidLicense: 'Choose a licence from the list.',
  licenseIncomplete: 'A licence of your own needs a name and a full web address (https://).',
  locationNameMissing: 'Fill in the name of the place; coordinates and an OSM id belong to a name.',
  invalidGeo:
    'Fill in coordinates such as geo:52.3676,4.9041 (latitude between −90 and 90, longitude between −180 and 180).',
  invalidOsm: 'Fill in N, W or R followed by digits, such as R271110.',
  invalidCountry: 'Fill in two lower-case letters, such as nl.',
  frequencyTextMissing: 'Fill in a description, such as: Weekly.',
  invalidRrule: 'Apps cannot read this recurrence rule; use for example FREQ=WEEKLY;BYDAY=MO.',
  invalidStart: 'Fill in a date such as 2026-09-07 (a rule with COUNT needs one).',
  invalidPodroll:
    'Start each line with a podcast:guid (such as 917393e3-1b1e-5cef-ace4-edaa54e1f810), then optionally a feed address with https:// and a title.',
};

export const feedTagLabels = { nl, en } as const;

/** Creative Commons' own names of the license elements, for the license list. */
const ccElements: Record<string, { nl: string; en: string }> = {
  by: { nl: 'Naamsvermelding', en: 'Attribution' },
  nc: { nl: 'NietCommercieel', en: 'NonCommercial' },
  sa: { nl: 'GelijkDelen', en: 'ShareAlike' },
  nd: { nl: 'GeenAfgeleideWerken', en: 'NoDerivatives' },
};

/** `cc-by-nc-sa-4.0` as `CC BY-NC-SA 4.0 (Naamsvermelding-NietCommercieel-GelijkDelen)`. */
export function licenseLabel(id: string, locale: 'nl' | 'en'): string {
  if (id === 'cc0-1.0') return locale === 'nl' ? 'CC0 1.0 (publiek domein)' : 'CC0 1.0 (public domain)';
  const match = /^cc-([a-z-]+?)-(\d\.\d)(-nl)?$/.exec(id);
  if (!match) return id;
  const elements = match[1].split('-');
  const port = match[3] ? (locale === 'nl' ? ' Nederland' : ' Netherlands') : '';
  const words = elements.map((element) => ccElements[element]?.[locale] ?? element).join('-');
  return `CC ${elements.join('-').toUpperCase()} ${match[2]}${port} (${words})`;
}
