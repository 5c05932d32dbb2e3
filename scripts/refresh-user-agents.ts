import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npx tsx scripts/refresh-user-agents.ts PATH-TO-user-agents-v2-CHECKOUT`: copies OPAWG's
 * runtime pattern files (build/*.runtime.json) and its MIT licence into src/analytics/opawg/ and
 * records the checkout's commit in SOURCE. Review the diff and run the counting tests after.
 */
const checkout = process.argv[2];
if (!checkout || !existsSync(path.join(checkout, 'build'))) {
  process.stderr.write('usage: tsx scripts/refresh-user-agents.ts PATH-TO-user-agents-v2-CHECKOUT\n');
  process.exit(64);
}
const target = new URL('../src/analytics/opawg/', import.meta.url);
for (const name of ['apps', 'bots', 'browsers', 'devices', 'libraries']) {
  const from = path.join(checkout, 'build', `${name}.runtime.json`);
  const list = JSON.parse(readFileSync(from, 'utf8')) as { entries?: { name: string; pattern: string }[] };
  // A broken file must not replace a good one: every entry needs a name and a pattern that compiles.
  if (!Array.isArray(list.entries)) throw new Error(`${from}: no entries`);
  for (const entry of list.entries) new RegExp(entry.pattern);
  copyFileSync(from, new URL(`${name}.runtime.json`, target));
}
copyFileSync(path.join(checkout, 'LICENSE'), new URL('LICENSE', target));
let source: string;
try {
  const commit = execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  source = `commit ${commit} of github.com/opawg/user-agents-v2 (MIT)\n`;
} catch {
  // Not a git checkout (an unpacked copy): keep the SOURCE line that came with it, if any.
  const given = path.join(checkout, 'SOURCE');
  source = existsSync(given)
    ? readFileSync(given, 'utf8')
    : 'commit unknown of github.com/opawg/user-agents-v2 (MIT)\n';
}
writeFileSync(new URL('SOURCE', target), source);
process.stdout.write(`user agent lists refreshed: ${source}`);
