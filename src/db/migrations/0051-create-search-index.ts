import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen. The full-text index of published episodes: titles, descriptions, chapters and
// transcript passages, each with the moment it starts. `search_episodes` remembers what each
// episode looked like when it was indexed, so a rebuild touches only what changed.
// SQLite: an FTS5 table (unicode61, diacritics removed). PostgreSQL: a table with a tsvector made
// with the text's own language configuration, under a GIN index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_episodes')
    .addColumn('episode_id', 'text', (col) => col.primaryKey().references('episodes.id').onDelete('cascade'))
    .addColumn('show_id', 'text', (col) => col.notNull())
    .addColumn('signature', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('search_episodes_show').on('search_episodes').column('show_id').execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createTable('search_entries')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('episode_id', 'text', (col) => col.notNull().references('episodes.id').onDelete('cascade'))
      .addColumn('show_id', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('language', 'text', (col) => col.notNull())
      .addColumn('start_seconds', 'double precision')
      .addColumn('label', 'text')
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('document', sql`tsvector`, (col) => col.notNull())
      .execute();
    await db.schema.createIndex('search_entries_episode').on('search_entries').column('episode_id').execute();
    await sql`CREATE INDEX search_entries_document ON search_entries USING GIN (document)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE search_entries USING fts5(
      episode_id UNINDEXED, show_id UNINDEXED, kind UNINDEXED, language UNINDEXED,
      start_seconds UNINDEXED, label UNINDEXED, text,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_entries').execute();
  await db.schema.dropTable('search_episodes').execute();
}
