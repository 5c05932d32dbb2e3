import { start } from './main.js';

// `npm run worker`: the same composition root, without the HTTP server.
start('worker').catch((error) => {
  process.stderr.write(`zender worker: failed to start: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
