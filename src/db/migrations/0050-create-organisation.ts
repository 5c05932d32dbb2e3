import type { Kysely } from 'kysely';

// Frozen. The one organisation that runs this zender: its name, logo, colour, footer links and
// the texts of its privacy and accessibility statements (null: the built-in default text).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('website', 'text')
    .addColumn('accent_color', 'text')
    .addColumn('logo', 'text')
    .addColumn('footer_links', 'text', (col) => col.notNull())
    .addColumn('statements', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation').execute();
}
