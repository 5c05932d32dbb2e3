import type { Kysely } from 'kysely';

// Frozen. Failed sign-ins, per key ("account:<email>" or "ip:<hash>"), in the database so every
// API process counts the same attempts. The IP is stored only as a keyed hash.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_attempts_key_at')
    .on('sign_in_attempts')
    .columns(['key', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_attempts').execute();
}
