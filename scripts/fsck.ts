import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/load-config.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { checkStorage } from '../src/domain/storage-check.js';
import { createBlobStore } from '../src/storage/create-blob-store.js';

const usage = `usage: npm run fsck [-- --repair [--grace-minutes N]]
  Compares the media store (MEDIA_DIR or the S3 bucket) with the database: orphaned blobs,
  records without bytes, bytes without records. --repair removes what nothing needs; findings
  younger than --grace-minutes (default 60) are left alone, as an upload may be finishing.
  Exit status: 0 when nothing is (left) wrong, 1 when findings remain, 2 on bad usage.`;

/** `npm run fsck`: a media consistency check against the configured database and storage. */
async function main(): Promise<number> {
  let values: { repair?: boolean; 'grace-minutes'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        repair: { type: 'boolean' },
        'grace-minutes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const grace = Number(values['grace-minutes'] ?? 60);
  if (values.help || !Number.isFinite(grace) || grace < 0) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const db = createDb(config.database);
  try {
    await migrateToLatest(db.kysely);
    const store = await createBlobStore(config.storage);
    const findings = await checkStorage(
      { db: db.kysely, store },
      { repair: values.repair, graceMs: grace * 60_000 },
    );
    for (const finding of findings) {
      const repair = finding.repair ? ` [${finding.repair}]` : '';
      process.stdout.write(`${finding.kind}\t${finding.key}\t${finding.detail}${repair}\n`);
    }
    const left = findings.filter((finding) => finding.repair !== 'removed');
    process.stdout.write(
      findings.length === 0
        ? `fsck: ${store.kind} storage and the database agree (0 findings)\n`
        : `fsck: ${findings.length} finding(s), ${findings.length - left.length} repaired, ${left.length} left\n`,
    );
    return left.length === 0 ? 0 : 1;
  } finally {
    await db.kysely.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`fsck: ${message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);
