import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Organisation } from '../../domain/organisation.js';
import type { Database, OrganisationTable } from '../database.js';

const ROW_ID = 'main';

const logoCodec = z.object({ key: z.string(), width: z.number(), height: z.number() }).nullable();
const footerLinksCodec = z.array(z.object({ label: z.string(), url: z.string() }));
const statementTexts = z.object({ nl: z.string().nullable(), en: z.string().nullable() });
const statementsCodec = z.object({ privacy: statementTexts, accessibility: statementTexts });

/** The row as a typed record: the JSON columns are decoded and checked here, once. */
function decode(row: OrganisationTable): Organisation {
  return {
    name: row.name,
    website: row.website,
    accentColor: row.accent_color,
    logo: logoCodec.parse(row.logo === null ? null : JSON.parse(row.logo)),
    footerLinks: footerLinksCodec.parse(JSON.parse(row.footer_links)),
    statements: statementsCodec.parse(JSON.parse(row.statements)),
    updatedAt: row.updated_at,
  };
}

function encode(organisation: Organisation, updatedAt: string): OrganisationTable {
  return {
    id: ROW_ID,
    name: organisation.name,
    website: organisation.website,
    accent_color: organisation.accentColor,
    logo: organisation.logo ? JSON.stringify(organisation.logo) : null,
    footer_links: JSON.stringify(organisation.footerLinks),
    statements: JSON.stringify(organisation.statements),
    updated_at: updatedAt,
  };
}

/** The saved organisation, or null before anyone saved one. */
export async function findOrganisation(db: Kysely<Database>): Promise<Organisation | null> {
  const row = await db.selectFrom('organisation').selectAll().where('id', '=', ROW_ID).executeTakeFirst();
  return row ? decode(row) : null;
}

export async function saveOrganisation(
  db: Kysely<Database>,
  organisation: Organisation,
  updatedAt: string,
): Promise<void> {
  const row = encode(organisation, updatedAt);
  const { id: _id, ...changes } = row;
  await db
    .insertInto('organisation')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}
