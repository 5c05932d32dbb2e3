/**
 * The licenses a show may name by identifier in `podcast:license`.
 *
 * The tag (github.com/Podcastindex-org/podcast-namespace, docs/tags/license.md) wants "a
 * lower-cased reference to a license identifier" from the namespace's license list
 * (https://github.com/Podcastindex-org/podcast-namespace/blob/main/licenses.json), and a `url`
 * for anything else. Apps resolve those identifiers against the SPDX License List
 * (https://spdx.org/licenses/; podcast-partytime ships a copy of
 * https://github.com/spdx/license-list-data/blob/main/json/licenses.json and drops a license it
 * cannot find there and that has no url). The ids below are the SPDX ids that fit audio a public
 * body publishes (Creative Commons 4.0 and 3.0, the Dutch 3.0 port, CC0), lower-cased; `url` is
 * each one's SPDX page, the `reference` that list gives. Anything else is a custom license:
 * `{ name, url }`. src/domain/podcast-licenses.test.ts checks every entry against partytime's copy.
 */
export const podcastLicenses = [
  { id: 'cc0-1.0', name: 'Creative Commons Zero v1.0 Universal' },
  { id: 'cc-by-4.0', name: 'Creative Commons Attribution 4.0 International' },
  { id: 'cc-by-sa-4.0', name: 'Creative Commons Attribution Share Alike 4.0 International' },
  { id: 'cc-by-nd-4.0', name: 'Creative Commons Attribution No Derivatives 4.0 International' },
  { id: 'cc-by-nc-4.0', name: 'Creative Commons Attribution Non Commercial 4.0 International' },
  {
    id: 'cc-by-nc-sa-4.0',
    name: 'Creative Commons Attribution Non Commercial Share Alike 4.0 International',
  },
  {
    id: 'cc-by-nc-nd-4.0',
    name: 'Creative Commons Attribution Non Commercial No Derivatives 4.0 International',
  },
  { id: 'cc-by-3.0', name: 'Creative Commons Attribution 3.0 Unported' },
  { id: 'cc-by-3.0-nl', name: 'Creative Commons Attribution 3.0 Netherlands' },
  { id: 'cc-by-sa-3.0', name: 'Creative Commons Attribution Share Alike 3.0 Unported' },
  { id: 'cc-by-nd-3.0', name: 'Creative Commons Attribution No Derivatives 3.0 Unported' },
  { id: 'cc-by-nc-3.0', name: 'Creative Commons Attribution Non Commercial 3.0 Unported' },
  { id: 'cc-by-nc-sa-3.0', name: 'Creative Commons Attribution Non Commercial Share Alike 3.0 Unported' },
  {
    id: 'cc-by-nc-nd-3.0',
    name: 'Creative Commons Attribution Non Commercial No Derivatives 3.0 Unported',
  },
].map((license) => ({ ...license, url: spdxPage(license.id) }));

export type PodcastLicenseId = string;

/** SPDX writes its ids in capitals (`CC-BY-4.0`); the page of each is named after the id. */
function spdxPage(id: string): string {
  return `https://spdx.org/licenses/${id.toUpperCase()}.html`;
}

const byId = new Map(podcastLicenses.map((license) => [license.id, license]));

export function isPodcastLicenseId(value: string): boolean {
  return byId.has(value);
}

/** The SPDX page of a listed id, or null for anything not on the list. */
export function podcastLicenseUrl(id: string): string | null {
  return byId.get(id)?.url ?? null;
}

/** A show's license: a listed id, or a custom license with the URL of its legal text. */
export type ShowLicense = PodcastLicenseId | { name: string; url: string };
