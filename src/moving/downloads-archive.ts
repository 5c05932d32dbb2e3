import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Kysely } from 'kysely';
import { addDays } from '../analytics/report-periods.js';
import { CsvFormatError, csvCell, csvRecords, csvText } from '../common/csv-cell.js';
import type { Database, DownloadCountsTable } from '../db/database.js';
import {
  countedDaysOfShow,
  insertCountsKeepingExisting,
  showCountsBetween,
} from '../db/repositories/download-counts-repository.js';

/** The archive's name for the daily counts. */
export const downloadsCsvName = 'downloads/daily.csv';

const header = ['day', 'episode_guid', 'episode_slug', 'app', 'device', 'downloads'];
/** Days read per query: small enough for one window's rows in memory, few queries for ten years. */
const windowDays = 31;
const batchRows = 500;

/**
 * Writes a show's daily download counts as CSV (RFC 4180, CRLF, with a header, cells guarded
 * against spreadsheet formulas as the reports' CSV): day, episode guid and slug, app, device,
 * downloads, a line per counted combination, oldest first. An episode deleted since has an empty
 * guid and slug. Read a month at a time and written to `file`, so a long history never sits in
 * memory; the tar then knows its size.
 */
export async function writeDownloadsCsv(
  db: Kysely<Database>,
  showId: string,
  file: string,
): Promise<{ size: number; rows: number }> {
  const out = createWriteStream(file);
  let size = 0;
  let rows = 0;
  const write = async (line: string) => {
    size += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  try {
    await write(`${header.join(',')}\r\n`);
    const days = await countedDaysOfShow(db, showId);
    for (let from = days?.first; days && from && from <= days.last; from = addDays(from, windowDays)) {
      for (const row of await showCountsBetween(db, showId, from, addDays(from, windowDays))) {
        const cells = [row.day, row.guid ?? '', row.slug ?? '', row.app, row.device, Number(row.downloads)];
        await write(`${cells.map(csvCell).join(',')}\r\n`);
        rows++;
      }
    }
    out.end();
    await once(out, 'close');
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { size, rows };
}

/** A restore's complaint about the file, with the line it is on. */
export class DownloadsCsvError extends Error {}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Brings the counts of `file` back for the restored show, in the restore's transaction: each line
 * goes to the episode of the archive with its guid; lines of episodes the archive does not hold
 * (deleted before the export: empty guid) are left out. A day already counted (a show restored in
 * place keeps its old counts) stays as it is. Answers how many lines were restored and skipped.
 */
export async function restoreDownloadsCsv(
  trx: Kysely<Database>,
  file: string,
  show: { id: string; episodes: readonly { id: string; guid: string }[] },
): Promise<{ restored: number; skipped: number }> {
  const episodeOf = new Map(show.episodes.map((episode) => [episode.guid, episode.id]));
  let line = 0;
  let restored = 0;
  let skipped = 0;
  let batch: DownloadCountsTable[] = [];
  const fail = (reason: string) => new DownloadsCsvError(`${downloadsCsvName} line ${line}: ${reason}`);
  const records = csvRecords(createReadStream(file, { encoding: 'utf8' }));
  for await (const record of withLine(records, () => line)) {
    line++;
    if (line === 1) {
      if (record.join(',') !== header.join(',')) throw fail(`the header must be ${header.join(',')}`);
      continue;
    }
    if (record.length === 1 && record[0] === '') continue;
    if (record.length !== header.length) throw fail(`${record.length} fields, not ${header.length}`);
    const [day, guid, , app, device, count] = record.map(csvText);
    if (!dayPattern.test(day)) throw fail(`"${day}" is not a day as YYYY-MM-DD`);
    if (!/^\d{1,9}$/.test(count)) throw fail(`"${count}" is not a number of downloads`);
    if (!app || !device || app.length > 200 || device.length > 200)
      throw fail('app and device must be given (at most 200 characters)');
    const episodeId = episodeOf.get(guid);
    if (!episodeId) {
      skipped++;
      continue;
    }
    batch.push({ day, show_id: show.id, episode_id: episodeId, app, device, downloads: Number(count) });
    restored++;
    if (batch.length >= batchRows) {
      await insertCountsKeepingExisting(trx, batch);
      batch = [];
    }
  }
  if (line === 0) throw fail('the file is empty');
  await insertCountsKeepingExisting(trx, batch);
  return { restored, skipped };
}

/** The records, with a CSV format error named by the line it was found after. */
async function* withLine(records: AsyncGenerator<string[]>, line: () => number) {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw new DownloadsCsvError(`${downloadsCsvName} after line ${line()}: ${error.message}`);
    throw error;
  }
}
