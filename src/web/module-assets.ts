import { type WebAsset, webAsset } from './web-asset.js';

/** Where a module imports another: `from './name.js'`, `import './name.js'` or `import('./name.js')`. */
const IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\s]+)\2/g;

/** The specifiers a module's text imports, in order of appearance. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[3]);
}

/**
 * ES modules for the browser, served flat under one path (/assets/, /admin/assets/) and named by
 * content hash like every other asset. Each module's imports are rewritten to the hashed names,
 * so a module's name changes whenever anything it imports changes and a copy cached for a year
 * can never meet a newer dependency. Not a bundler: every file stays a file the browser loads
 * with `import`. Only `./name.js` imports are allowed (the namespace is flat); `read` gives a
 * module's text by name, undefined for none, and anything unreadable or circular fails at start.
 *
 * Returns the entry first, then the modules it needs.
 */
export function linkModules(entry: string, read: (name: string) => string | undefined): WebAsset[] {
  const linked = new Map<string, WebAsset>();
  const visiting = new Set<string>();
  const link = (name: string): WebAsset => {
    const done = linked.get(name);
    if (done) return done;
    if (visiting.has(name)) throw new Error(`browser module ${name} imports itself through another`);
    const source = read(name);
    if (source === undefined) throw new Error(`browser module ${name} not found`);
    visiting.add(name);
    const text = source.replace(IMPORT, (_whole, keyword: string, quote: string, specifier: string) => {
      const imported = /^\.\/([\w.-]+\.js)$/.exec(specifier)?.[1];
      if (!imported)
        throw new Error(`browser module ${name}: only './name.js' imports are served flat (${specifier})`);
      return `${keyword}${quote}./${link(imported).name}${quote}`;
    });
    visiting.delete(name);
    const asset = webAsset(name, 'text/javascript; charset=utf-8', Buffer.from(text));
    linked.set(name, asset);
    return asset;
  };
  const first = link(entry);
  return [first, ...[...linked.values()].filter((asset) => asset !== first)];
}
