import type { Kysely } from 'kysely';
import type { Database, FeedDocumentsTable } from '../database.js';

export async function saveFeedDocument(db: Kysely<Database>, row: FeedDocumentsTable): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // A slug may have moved from another show's old document; the newest build owns it.
    await trx
      .deleteFrom('feed_documents')
      .where((eb) => eb.or([eb('show_id', '=', row.show_id), eb('slug', '=', row.slug)]))
      .execute();
    await trx.insertInto('feed_documents').values(row).execute();
  });
}

export async function findFeedDocumentBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<FeedDocumentsTable | undefined> {
  return db.selectFrom('feed_documents').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findFeedEtagBySlug(db: Kysely<Database>, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('feed_documents')
    .select('etag')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.etag;
}

export async function deleteFeedDocument(db: Kysely<Database>, showId: string): Promise<void> {
  await db.deleteFrom('feed_documents').where('show_id', '=', showId).execute();
}
