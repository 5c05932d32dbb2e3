import type { Kysely } from 'kysely';
import type { Database, FeedDocumentsTable } from '../database.js';

/**
 * Stores a show's newest build in the caller's transaction and answers the etag of the build it
 * replaced (undefined: there was none), so the caller knows whether the feed changed.
 */
export async function replaceFeedDocument(
  trx: Kysely<Database>,
  row: FeedDocumentsTable,
): Promise<string | undefined> {
  const previous = await trx
    .selectFrom('feed_documents')
    .select('etag')
    .where('show_id', '=', row.show_id)
    .executeTakeFirst();
  // A slug may have moved from another show's old document; the newest build owns it.
  await trx
    .deleteFrom('feed_documents')
    .where((eb) => eb.or([eb('show_id', '=', row.show_id), eb('slug', '=', row.slug)]))
    .execute();
  await trx.insertInto('feed_documents').values(row).execute();
  return previous?.etag;
}

/** The shows whose stored feed names another WebSub hub than `hubUrl` (or one when there is none now). */
export async function listShowsBuiltForOtherHub(
  db: Kysely<Database>,
  hubUrl: string | null,
): Promise<string[]> {
  const rows = await db
    .selectFrom('feed_documents')
    .select('show_id')
    .where((eb) =>
      hubUrl === null
        ? eb('hub_url', 'is not', null)
        : eb.or([eb('hub_url', 'is', null), eb('hub_url', '!=', hubUrl)]),
    )
    .execute();
  return rows.map((row) => row.show_id);
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
