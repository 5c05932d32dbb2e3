import { adminBench } from './bench/admin-bench.js';
import { analyticsBench } from './bench/analytics-bench.js';
import { feedAvailabilityBench } from './bench/feed-availability-bench.js';
import { feedBench } from './bench/feed-bench.js';
import { ingestBench } from './bench/ingest-bench.js';
import { processingBench } from './bench/processing-bench.js';
import { searchBench } from './bench/search-bench.js';

/**
 * `npm run bench [feed|feed-availability|ingest|processing|search|analytics|admin]`: each benchmark measures its baseline in the
 * same run
 * and prints the ratio, so results compare across noisy machines. Loopback only, loads bounded.
 */
async function main() {
  const only = process.argv[2];
  process.stdout.write(`${'benchmark'.padEnd(44)} ${'zender'.padStart(14)} ${'baseline'.padStart(14)}\n`);
  if (!only || only === 'feed') await feedBench();
  if (!only || only === 'feed' || only === 'feed-availability') await feedAvailabilityBench();
  if (!only || only === 'ingest') await ingestBench();
  if (!only || only === 'processing') await processingBench();
  if (!only || only === 'search') await searchBench();
  if (!only || only === 'analytics') await analyticsBench();
  if (!only || only === 'admin') await adminBench();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
