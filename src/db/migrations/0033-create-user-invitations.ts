import type { Kysely } from 'kysely';

// Frozen. One-time links to set a password (a new account or a reset); only the hash is stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_invitations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_invitations').execute();
}
