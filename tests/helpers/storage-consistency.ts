import { expect, it } from 'vitest';
import { checkStorage } from '../../src/domain/storage-check.js';
import type { TestApp } from './test-app.js';

/**
 * The last test of an API suite: after everything the suite did (uploads, replacements,
 * deletions), `npm run fsck` would find nothing in its store, fs or S3. Jobs left queued by the
 * suite run first, as a worker would run them.
 */
export function itLeavesStorageConsistent(app: () => TestApp) {
  it('leaves storage and the database consistent (fsck: 0 findings)', async () => {
    const t = app();
    await t.worker.drain();
    const findings = await checkStorage({ db: t.db.kysely, store: t.store }, { graceMs: 0 });
    expect(findings).toEqual([]);
  });
}
