import type { Kysely } from 'kysely';
import { decodeTranscript, type TranscriptRecord } from '../codecs/transcript-codec.js';
import type { Database, TranscriptsTable } from '../database.js';

export async function saveTranscript(db: Kysely<Database>, row: TranscriptsTable): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('transcripts')
      .where('episode_id', '=', row.episode_id)
      .where('language', '=', row.language)
      .execute();
    await trx.insertInto('transcripts').values(row).execute();
  });
}

export async function findTranscript(
  db: Kysely<Database>,
  episodeId: string,
  language: string,
): Promise<TranscriptRecord | undefined> {
  const row = await db
    .selectFrom('transcripts')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .where('language', '=', language)
    .executeTakeFirst();
  return row && decodeTranscript(row);
}

export async function listTranscripts(db: Kysely<Database>, episodeId: string): Promise<TranscriptRecord[]> {
  const rows = await db
    .selectFrom('transcripts')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .orderBy('language')
    .execute();
  return rows.map(decodeTranscript);
}

export async function deleteTranscript(
  db: Kysely<Database>,
  episodeId: string,
  language: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('transcripts')
    .where('episode_id', '=', episodeId)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
