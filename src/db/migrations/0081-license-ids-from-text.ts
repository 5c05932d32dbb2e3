import type { Kysely } from 'kysely';

/*
 * Frozen. Before 0080 a show's license was free text ("CC BY 4.0"), which podcast:license does
 * not allow: the node value must be a listed id (`cc-by-4.0`) or a custom name with a url, and
 * apps (podcast-partytime among them) drop anything else. This turns the texts that plainly name
 * one of the Creative Commons licenses zender lists into that id. Any other text is a statement
 * of rights, not a license id, so it moves to the copyright text (after what is there), where
 * feeds already carry it in <copyright>: nothing typed is lost, and nothing invalid is published.
 *
 * The restore of an archive made before 0080 applies the same conversion (restore-show.ts), so
 * this list is exported and must stay as it is.
 */
export const listedIds: readonly string[] = [
  'cc0-1.0',
  'cc-by-4.0',
  'cc-by-sa-4.0',
  'cc-by-nd-4.0',
  'cc-by-nc-4.0',
  'cc-by-nc-sa-4.0',
  'cc-by-nc-nd-4.0',
  'cc-by-3.0',
  'cc-by-3.0-nl',
  'cc-by-sa-3.0',
  'cc-by-nd-3.0',
  'cc-by-nc-3.0',
  'cc-by-nc-sa-3.0',
  'cc-by-nc-nd-3.0',
];

// The words of Creative Commons' own names, English and Dutch, as the elements of an id.
const words: [RegExp, string][] = [
  [/creative\s*commons/g, 'cc'],
  [/\battribution\b|\bnaamsvermelding\b/g, 'by'],
  [/\bnon[\s-]?commercial\b|\bniet[\s-]?commercieel\b/g, 'nc'],
  [/\bshare[\s-]?alike\b|\bgelijk[\s-]?delen\b/g, 'sa'],
  [/\bno[\s-]?deriv(ative)?s\b|\bgeen[\s-]?afgeleide[\s-]?werken\b/g, 'nd'],
  [/\b(licen[sc]e|licentie|international|internationaal|unported|deed|legalcode)\b/g, ' '],
  [/\bv(?=\d)/g, ''],
  [/[()]/g, ' '],
];

/** The listed id a text plainly names, or null. */
export function licenseIdFromText(text: string): string | null {
  const lower = text.trim().toLowerCase();
  const url =
    /creativecommons\.org\/licenses\/(by(?:-nc)?(?:-sa|-nd)?)\/(\d\.\d)(?:\/(nl))?/.exec(lower) ??
    /creativecommons\.org\/publicdomain\/(zero)\/(1\.0)/.exec(lower);
  if (url) {
    const id = url[1] === 'zero' ? 'cc0-1.0' : `cc-${url[1]}-${url[2]}${url[3] ? '-nl' : ''}`;
    return listedIds.includes(id) ? id : null;
  }
  const spdx = /spdx\.org\/licenses\/([a-z0-9.-]+?)(?:\.html)?$/.exec(lower);
  let named = spdx ? spdx[1] : lower;
  for (const [pattern, replacement] of words) named = named.replace(pattern, replacement);
  named = named
    .trim()
    .replace(/[\s_/]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (/^cc-?(0|zero)(-1(\.0)?)?$/.test(named)) return 'cc0-1.0';
  const parts = /^cc-(by(?:-nc)?(?:-sa|-nd)?)-(\d)(?:\.(\d))?(-(?:nl|nederland|netherlands))?$/.exec(named);
  if (!parts) return null;
  const id = `cc-${parts[1]}-${parts[2]}.${parts[3] ?? '0'}${parts[4] ? '-nl' : ''}`;
  return listedIds.includes(id) ? id : null;
}

/** The license and copyright a show from before 0080 gets. */
export function convertLegacyLicense(row: { license: string | null; copyright: string | null }): {
  license: string | null;
  copyright: string | null;
} {
  const text = row.license?.trim() ?? '';
  if (text === '') return { license: null, copyright: row.copyright };
  const id = licenseIdFromText(text);
  if (id) return { license: id, copyright: row.copyright };
  const copyright = row.copyright?.trim() ?? '';
  if (copyright === '') return { license: null, copyright: text };
  if (copyright.toLowerCase().includes(text.toLowerCase())) return { license: null, copyright };
  return { license: null, copyright: `${copyright}${/[.!?]$/.test(copyright) ? ' ' : '. '}${text}` };
}

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('shows')
    .select(['id', 'license', 'copyright'])
    .where('license', 'is not', null)
    .where('license_url', 'is', null)
    .execute()) as { id: string; license: string; copyright: string | null }[];
  for (const row of rows) {
    if (listedIds.includes(row.license)) continue;
    const converted = convertLegacyLicense(row);
    await db.updateTable('shows').set(converted).where('id', '=', row.id).execute();
  }
}

// The old free text cannot be told apart from the converted values, so there is nothing to undo.
export async function down(): Promise<void> {}
