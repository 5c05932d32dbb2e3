/**
 * podcast:location (docs/tags/location.md and location/location.md of the namespace): a name
 * for people, and for programs a geo URI (RFC 5870) and an OpenStreetMap id. A map pin in the
 * wrong place is worse than none, so both are checked before they reach a feed.
 */

export interface ShowLocation {
  /** For display; the spec asks for at most 128 characters. */
  name: string;
  /** `geo:52.3676,4.9041`, optionally with altitude and `;u=` uncertainty in metres. */
  geo?: string;
  /** OSM type (N node, W way, R relation) and id: `R271110`. */
  osm?: string;
  /** ISO 3166-1 alpha-2, lower case: `nl`. */
  country?: string;
}

const NUMBER = '-?\\d{1,3}(?:\\.\\d{1,12})?';
const GEO_URI = new RegExp(
  `^geo:(${NUMBER}),(${NUMBER})(?:,-?\\d{1,6}(?:\\.\\d{1,6})?)?(?:;crs=wgs84)?(?:;u=\\d{1,8}(?:\\.\\d{1,6})?)?$`,
  'i',
);

/** What is wrong with a geo URI, in a sentence; null when it is a point on Earth apps can show. */
export function geoUriProblem(value: string): string | null {
  const match = GEO_URI.exec(value);
  if (!match) return 'use a geo URI such as geo:52.3676,4.9041 (RFC 5870, WGS 84)';
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  if (Math.abs(latitude) > 90) return `latitude ${match[1]} is not between -90 and 90`;
  if (Math.abs(longitude) > 180) return `longitude ${match[2]} is not between -180 and 180`;
  return null;
}

/** The OSM type letter and a numeric id, as the namespace writes them (`R113314`, `W5013364`). */
export const OSM_ID = /^[NWR][1-9]\d{0,14}$/;

/** ISO 3166-1 alpha-2, in the namespace's lower case. */
export const COUNTRY_CODE = /^[a-z]{2}$/;
