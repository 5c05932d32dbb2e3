import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importsOf } from './module-assets.js';

/**
 * zender's own TypeScript modules as the JavaScript a browser loads (the staff screens count a
 * draft's length with src/social's own code). `entry` names the compiled module, as
 * `new URL('../social/measure-length.js', import.meta.url)` does from this folder. A built zender
 * (`npm start`) runs from dist/, where `npm run build` has put that file, and it is read as tsc
 * wrote it. Run from source (tests, tsx) there is no JavaScript beside the TypeScript: the
 * project's own tsc compiles the entry and the modules it imports, once for each content, into a
 * folder under the system's temporary folder.
 *
 * Returns a reader of the compiled modules of the entry's folder, by file name.
 */
export function compiledModules(entry: URL): (name: string) => string | undefined {
  const dir = compiledFolder(entry);
  return (name) => {
    const file = path.join(dir, name);
    return path.dirname(file) === dir && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

/** The folder that holds the compiled entry and its imports (compiled now, if need be). */
export function compiledFolder(entry: URL): string {
  const entryFile = fileURLToPath(entry);
  return existsSync(entryFile) ? path.dirname(entryFile) : compileFromSource(entryFile);
}

/** The folder with the compiled entry and its imports, compiled now unless this content was before. */
function compileFromSource(entryFile: string): string {
  const sourceDir = path.dirname(entryFile);
  const entrySource = entryFile.replace(/\.js$/, '.ts');
  if (!existsSync(entrySource)) throw new Error(`no ${path.basename(entryFile)} nor its TypeScript source`);
  const tsc = path.join(
    path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
    'bin/tsc',
  );
  const options = ['--ignoreConfig', '--noCheck', '--target', 'es2022', '--module', 'esnext'];
  options.push('--moduleResolution', 'bundler', '--types', '', '--rootDir', sourceDir);

  // The cache key: the compiler, its options, and every module the entry needs, as they are now.
  const key = createHash('sha256').update(readFileSync(tsc)).update(options.join(' '));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    key.update(`${path.basename(file)}\0${source}\0`);
    for (const specifier of importsOf(source))
      if (specifier.startsWith('./')) visit(path.join(sourceDir, specifier.replace(/\.js$/, '.ts')));
  };
  visit(entrySource);
  const cache = path.join(tmpdir(), 'zender-browser-modules');
  const target = path.join(cache, key.digest('hex').slice(0, 24));
  if (existsSync(target)) return target;

  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(path.join(cache, 'compiling-'));
  try {
    execFileSync(process.execPath, [tsc, ...options, '--outDir', work, entrySource], { stdio: 'pipe' });
    renameSync(work, target);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    // Another process compiled the same content first: its result is as good.
    if (!existsSync(target)) throw error;
  }
  return target;
}
