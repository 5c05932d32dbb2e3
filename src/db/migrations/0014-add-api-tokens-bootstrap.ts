import type { Kysely } from 'kysely';

/*
 * Frozen. Marks the token ADMIN_TOKEN created (1) apart from tokens staff made (0), so a new
 * ADMIN_TOKEN value can revoke exactly the previous one. Existing bootstrap tokens carried a
 * fixed name until now; they are marked by it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('bootstrap', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('api_tokens')
    .set({ bootstrap: 1 })
    .where('name', '=', 'admin (ADMIN_TOKEN)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('bootstrap').execute();
}
