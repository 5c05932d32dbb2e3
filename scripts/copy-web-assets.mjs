// Part of `npm run build`: tsc emits only JavaScript, and web-assets.js reads the player's script
// and stylesheets from ./assets beside itself. A file is rewritten only when it changed, like
// tsc's incremental emit, so a second `npm start` on the same machine rewrites nothing under a
// process that is already running.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const from = new URL('../src/web/assets/', import.meta.url);
const to = new URL('../dist/src/web/assets/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  const body = readFileSync(new URL(name, from));
  let current;
  try {
    current = readFileSync(new URL(name, to));
  } catch {
    current = undefined;
  }
  if (!current?.equals(body)) writeFileSync(new URL(name, to), body);
}
