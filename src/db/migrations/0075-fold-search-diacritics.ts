import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen. PostgreSQL's search documents made again from the text without accents, as new ones are
// made since (foldDiacritics in the search repository; a copy here, since a migration must not
// change when the code does). SQLite's FTS5 tokenizer folds accents itself: nothing to do there.
const configurations: Record<string, string> = {
  nl: 'dutch',
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  da: 'danish',
  sv: 'swedish',
  no: 'norwegian',
  fi: 'finnish',
};
const batch = 500;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .normalize('NFC');

/** Every document made again from its text as `prepare` gives it, in batches by id. */
async function remakeDocuments(db: Kysely<any>, prepare: (text: string) => string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('search_entries')
      .select(['id', 'language', 'text'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    // One statement a batch: a large transcript index is remade in a few hundred round trips.
    const values = rows.map((row) => {
      const configuration = configurations[String(row.language).toLowerCase().split('-')[0]] ?? 'simple';
      return sql`(${Number(row.id)}::bigint, ${configuration}::regconfig, ${prepare(row.text)}::text)`;
    });
    await sql`UPDATE search_entries AS s SET document = to_tsvector(v.configuration, v.text)
      FROM (VALUES ${sql.join(values)}) AS v(id, configuration, text) WHERE s.id = v.id`.execute(db);
    after = Number(rows[rows.length - 1].id);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await remakeDocuments(db, fold);
}

export async function down(db: Kysely<any>): Promise<void> {
  await remakeDocuments(db, (text) => text);
}
