import type { Kysely, Updateable } from 'kysely';
import { decodeSocialDraft, type SocialDraftRecord } from '../codecs/social-draft-codec.js';
import type { Database, SocialDraftRow, SocialDraftsTable } from '../database.js';

export async function insertSocialDraft(db: Kysely<Database>, row: SocialDraftRow): Promise<void> {
  await db.insertInto('social_drafts').values(row).execute();
}

export async function findSocialDraft(
  db: Kysely<Database>,
  id: string,
): Promise<SocialDraftRecord | undefined> {
  const row = await db.selectFrom('social_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeSocialDraft(row);
}

export async function listSocialDraftsOfEpisode(
  db: Kysely<Database>,
  episodeId: string,
): Promise<SocialDraftRecord[]> {
  const rows = await db
    .selectFrom('social_drafts')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(decodeSocialDraft);
}

/**
 * Updates a draft only while it is in one of `fromStatuses`, so two people approving and
 * rejecting at the same moment cannot both win. Returns whether the row changed.
 */
export async function updateSocialDraft(
  db: Kysely<Database>,
  id: string,
  fromStatuses: readonly SocialDraftRow['status'][],
  patch: Updateable<SocialDraftsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('social_drafts')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
