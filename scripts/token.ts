import { parseArgs } from 'node:util';
import { systemClock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/load-config.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTokensService, type Role, roles } from '../src/domain/tokens-service.js';

const usage = `usage:
  npm run token -- create --role admin|editor|viewer --name NAME
  npm run token -- list
  npm run token -- revoke --id TOKEN_ID`;

/** Token management from the command line, against the configured database. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
  });
  const command = positionals[0];
  const config = loadConfig();
  const db = createDb(config.database);
  try {
    await migrateToLatest(db.kysely);
    const tokens = createTokensService({ db: db.kysely, clock: systemClock });
    if (command === 'create') {
      const role = values.role as Role;
      if (!roles.includes(role) || !values.name) {
        process.stderr.write(`${usage}\n`);
        return 2;
      }
      const created = await tokens.create(values.name, role);
      process.stdout.write(`${created.token}\n`);
      process.stderr.write(
        `token ${created.id} (${role}, "${created.name}") created; it is shown only this once\n`,
      );
      return 0;
    }
    if (command === 'list') {
      for (const token of await tokens.list()) {
        process.stdout.write(
          `${token.id}\t${token.role}\t${token.revokedAt ? 'revoked' : 'active'}\t${token.name}\n`,
        );
      }
      return 0;
    }
    if (command === 'revoke' && values.id) {
      await tokens.revoke(values.id);
      process.stdout.write(`revoked ${values.id}\n`);
      return 0;
    }
    process.stderr.write(`${usage}\n`);
    return 2;
  } finally {
    await db.kysely.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`token: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  },
);
