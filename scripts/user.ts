import { parseArgs } from 'node:util';
import { systemClock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/load-config.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DomainError, InvalidInputError } from '../src/domain/errors.js';
import { createUsersService } from '../src/domain/staff/users-service.js';
import { type Role, roles } from '../src/domain/tokens-service.js';

const usage = `usage:
  npm run user -- create --email EMAIL --name NAME --role admin|editor|viewer --password-stdin
  npm run user -- create --email EMAIL --name NAME --role ROLE        (prints a one-time link instead)
  npm run user -- list
  npm run user -- disable --email EMAIL
  npm run user -- enable --email EMAIL
  npm run user -- reset --email EMAIL                                  (prints a new one-time link)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: a trailing newline from `echo` or a here-string is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Staff accounts from the command line, against the configured database. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const command = positionals[0];
  const config = loadConfig();
  const db = createDb(config.database);
  const link = (token: string) => `${config.baseUrl}/admin/invitation/${token}`;
  try {
    await migrateToLatest(db.kysely);
    const users = createUsersService({ db: db.kysely, clock: systemClock });
    const byEmail = async () => {
      const found = (await users.list()).find((u) => u.email === values.email?.trim().toLowerCase());
      if (!found) throw new Error(`no account with the e-mail address ${values.email}`);
      return found;
    };
    if (command === 'create') {
      const role = values.role as Role;
      if (!roles.includes(role) || !values.name || !values.email) {
        process.stderr.write(`${usage}\n`);
        return 2;
      }
      const password = values['password-stdin'] ? await readStdin() : undefined;
      const user = await users.create({ email: values.email, name: values.name, role, password });
      process.stderr.write(`account ${user.email} (${role}) created\n`);
      if (!password) {
        const { token } = await users.invite(user.id);
        process.stdout.write(`${link(token)}\n`);
        process.stderr.write('open this link within 24 hours to choose a password\n');
      }
      return 0;
    }
    if (command === 'list') {
      for (const user of await users.list()) {
        const state = user.disabled ? 'disabled' : user.hasPassword ? 'active' : 'invited';
        process.stdout.write(`${user.email}\t${user.role}\t${state}\t${user.name}\n`);
      }
      return 0;
    }
    if ((command === 'disable' || command === 'enable') && values.email) {
      await users.setDisabled((await byEmail()).id, command === 'disable');
      process.stdout.write(`${command}d ${values.email}\n`);
      return 0;
    }
    if (command === 'reset' && values.email) {
      const { token } = await users.invite((await byEmail()).id);
      process.stdout.write(`${link(token)}\n`);
      return 0;
    }
    process.stderr.write(`${usage}\n`);
    return 2;
  } catch (error) {
    if (error instanceof InvalidInputError) {
      process.stderr.write(`user: ${error.problems.map((p) => p.message).join('; ')}\n`);
      return 1;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`user: ${error.code} ${JSON.stringify(error.params)}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.kysely.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`user: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  },
);
