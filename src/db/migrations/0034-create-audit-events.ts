import type { Kysely } from 'kysely';

// Frozen. Who did what to which show or episode, and when. The actor's name is copied in so the
// trail still reads well after an account is gone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('actor_name', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('show_id', 'text')
    .addColumn('episode_id', 'text')
    .addColumn('subject', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_events_show').on('audit_events').columns(['show_id', 'at']).execute();
  await db.schema
    .createIndex('audit_events_episode')
    .on('audit_events')
    .columns(['episode_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
}
