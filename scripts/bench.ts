import { feedBench } from './bench/feed-bench.js';

/**
 * `npm run bench`: every benchmark measures its baseline in the same run and prints the ratio,
 * so results compare across noisy machines. Loopback only, each load bounded in time.
 */
async function main() {
  const only = process.argv[2];
  process.stdout.write(`${'benchmark'.padEnd(44)} ${'zender'.padStart(14)} ${'baseline'.padStart(14)}\n`);
  if (!only || only === 'feed') await feedBench();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
