import type { Kysely } from 'kysely';

// Frozen. One transcript per episode and language: cues as JSON text, rendered to VTT, SRT,
// JSON and HTML when asked (cheap, and one source of truth).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transcripts')
    .addColumn('episode_id', 'text', (col) => col.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('cues', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('transcripts_pk', ['episode_id', 'language'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transcripts').execute();
}
