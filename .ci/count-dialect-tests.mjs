// Reads vitest's JSON report and counts the tests that ran per database. The data tests run once
// per dialect (tests/helpers/test-databases.ts names the describe block "… on 'sqlite'" or
// "… on 'postgres'"); without TEST_DATABASE_URL the PostgreSQL half silently disappears, so a
// run in which it did not run, or ran fewer than SQLite, fails here.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const counts = { sqlite: { passed: 0, other: 0 }, postgres: { passed: 0, other: 0 } };
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    const dialect = /\bon '(sqlite|postgres)'/.exec(test.fullName ?? '')?.[1];
    if (!dialect) continue;
    counts[dialect][test.status === 'passed' ? 'passed' : 'other'] += 1;
  }
}
for (const [name, c] of Object.entries(counts)) {
  console.log(`${name}: ${c.passed} passed, ${c.other} not passed`);
}
const total = (c) => c.passed + c.other;
if (total(counts.postgres) === 0) {
  console.error('No PostgreSQL test ran: is TEST_DATABASE_URL set and the server up?');
  process.exit(1);
}
if (total(counts.postgres) !== total(counts.sqlite)) {
  console.error('SQLite and PostgreSQL ran a different number of tests.');
  process.exit(1);
}
