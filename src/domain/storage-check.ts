import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { deleteMediaFile } from '../db/repositories/media-files-repository.js';
import {
  listAllMediaFiles,
  listStorageReferences,
} from '../db/repositories/storage-references-repository.js';
import type { BlobInfo, BlobStore } from '../storage/blob-store.js';

/**
 * The media key prefixes zender writes. Other keys in a shared bucket (tus uploads, backups) are
 * not ours, and `feeds/` holds copies of feed documents (their record is the feed_documents table;
 * an old slug's copy may still be read by a CDN), so media checks leave them alone.
 */
const ownPrefixes = ['episodes/', 'shows/', 'organisation/'];

export type FindingKind =
  /** Stored and recorded, but no show, episode, draft or job points to it. */
  | 'orphaned_blob'
  /** A media_files row whose bytes are gone. */
  | 'row_without_blob'
  /** Bytes with no media_files row (and no reference that explains them). */
  | 'blob_without_row'
  /** A show or episode points to bytes that are gone: not repairable, staff must re-upload. */
  | 'missing_referenced_blob';

export interface Finding {
  kind: FindingKind;
  key: string;
  detail: string;
  /** What `repair` did: `removed`, `kept (too recent)`, `not repairable`. */
  repair?: string;
}

export interface StorageCheckOptions {
  /** Remove what nothing needs (blob and row), instead of only reporting it. */
  repair?: boolean;
  /**
   * Findings younger than this are reported but never repaired: an upload or a job may be
   * between writing its bytes and recording them. Default one hour.
   */
  graceMs?: number;
  now?: Date;
}

/**
 * fsck for media: compares the blob store, the media_files table and every reference in the
 * database, and optionally removes what belongs to nobody. Never removes a referenced key.
 */
export async function checkStorage(
  deps: { db: Kysely<Database>; store: BlobStore },
  options: StorageCheckOptions = {},
): Promise<Finding[]> {
  const { db, store } = deps;
  const now = options.now ?? new Date();
  const graceMs = options.graceMs ?? 3600_000;
  const blobs = new Map<string, BlobInfo>();
  for (const prefix of ownPrefixes) for (const blob of await store.list(prefix)) blobs.set(blob.key, blob);
  const rows = new Map((await listAllMediaFiles(db)).map((row) => [row.key, row]));
  const references = new Map<string, string>();
  const required = new Set<string>();
  for (const reference of await listStorageReferences(db)) {
    references.set(reference.key, reference.by);
    if (reference.required) required.add(reference.key);
  }

  const findings: Finding[] = [];
  const old = (at: Date | string) => now.getTime() - new Date(at).getTime() >= graceMs;
  async function settle(finding: Finding, since: Date | string, remove: () => Promise<void>) {
    findings.push(finding);
    if (!options.repair) return;
    if (!old(since)) {
      finding.repair = 'kept (too recent)';
      return;
    }
    await remove();
    finding.repair = 'removed';
  }

  for (const [key, row] of rows) {
    const blob = blobs.get(key);
    const by = references.get(key);
    if (!blob) {
      if (by && required.has(key)) {
        findings.push({
          kind: 'missing_referenced_blob',
          key,
          detail: `${by} points to it; its bytes are gone`,
          ...(options.repair ? { repair: 'not repairable' } : {}),
        });
        continue;
      }
      await settle({ kind: 'row_without_blob', key, detail: `recorded as ${row.role}` }, row.created_at, () =>
        deleteMediaFile(db, key),
      );
      continue;
    }
    if (by) continue;
    await settle(
      { kind: 'orphaned_blob', key, detail: `${row.role}, ${row.size} bytes, nothing points to it` },
      row.created_at,
      async () => {
        await store.delete(key);
        await deleteMediaFile(db, key);
      },
    );
  }
  for (const [key, blob] of blobs) {
    if (rows.has(key)) continue;
    if (references.has(key)) {
      findings.push({
        kind: 'blob_without_row',
        key,
        detail: `${references.get(key)} points to it, but it has no media_files row`,
        ...(options.repair ? { repair: 'not repairable' } : {}),
      });
      continue;
    }
    await settle({ kind: 'blob_without_row', key, detail: `${blob.size} bytes` }, blob.lastModified, () =>
      store.delete(key),
    );
  }
  for (const [key, by] of references) {
    if (!required.has(key) || rows.has(key) || blobs.has(key)) continue;
    findings.push({
      kind: 'missing_referenced_blob',
      key,
      detail: `${by} points to it; it is neither stored nor recorded`,
      ...(options.repair ? { repair: 'not repairable' } : {}),
    });
  }
  return findings;
}
