import type { Kysely } from 'kysely';

// Frozen. Staff accounts for the browser interface. `show_ids` is a JSON array of the shows the
// account may see, or NULL for all shows. `password_hash` is NULL until an invitation is accepted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('show_ids', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('last_sign_in_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('users').execute();
}
