import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * package.json tells the truth: `npm install --omit=dev` installs exactly what the compiled
 * service (`npm start`, `npm run token`, `npm run seed`) needs. A runtime dependency nothing in
 * the build uses belongs in devDependencies or nowhere; an import in the build that only a dev
 * dependency satisfies breaks a production install.
 */
const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = Object.keys(pkg.dependencies);

/** `tsconfig.build.json`'s include and exclude, for the few glob forms it uses. */
function buildFiles(): string[] {
  const config = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as {
    include: string[];
    exclude?: string[];
  };
  const toRegExp = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '\0')
        .replace(/\*/g, '[^/]*')
        .replace(/\0/g, '(?:.*/)?')}$`,
    );
  const excluded = (config.exclude ?? []).map(toRegExp);
  const files: string[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) files.push(child);
    }
  };
  for (const include of config.include) {
    if (/\.\w+$/.test(include)) files.push(include);
    else walk(include);
  }
  return files.filter((file) => !excluded.some((pattern) => pattern.test(file)));
}

function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || isBuiltin(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Imports that stay in the emitted JavaScript (type-only ones are erased). */
function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const match of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;'"]*?\sfrom\s+'([^']+)'/gm)) {
    if (!match[1]) found.push(match[2]);
  }
  for (const match of code.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(match[1]);
  for (const match of code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(match[1]);
  return found;
}

/** A package named as a string: imported, resolved (require.resolve, an asset's folder) or located. */
function namedPackages(source: string): Set<string> {
  const names = new Set<string>();
  // 'name' or 'name/sub/path', and `name/…${…}` (a file picked at run time).
  for (const match of source.matchAll(
    /'(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)*)'|`(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?)\//g,
  )) {
    const name = packageOf(match[1] ?? match[2]);
    if (name) names.add(name);
  }
  return names;
}

/** Packages whose command a package.json script runs (tsc is typescript's). */
function packagesRunByScripts(): Set<string> {
  const commands = Object.values(pkg.scripts).join(' && ');
  const used = new Set<string>();
  for (const name of runtime) {
    const manifest = JSON.parse(
      readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { bin?: string | Record<string, string> };
    const bins =
      typeof manifest.bin === 'string' ? [name.split('/').pop()!] : Object.keys(manifest.bin ?? {});
    if (bins.some((bin) => new RegExp(`(^|[\\s&|;])${bin}(\\s|$)`).test(commands))) used.add(name);
  }
  return used;
}

describe('package.json dependencies', () => {
  const files = buildFiles();
  const sources = new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

  it('finds the build: the service, its workers and the token and seed commands', () => {
    expect(files).toContain('src/main.ts');
    expect(files).toContain('scripts/token.ts');
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it('lists every package the build imports under dependencies', () => {
    const missing: string[] = [];
    for (const [file, source] of sources) {
      for (const specifier of runtimeImports(source)) {
        const name = packageOf(specifier);
        if (name && !runtime.includes(name)) missing.push(`${file}: ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses every runtime dependency in the build or a package.json script', () => {
    const used = packagesRunByScripts();
    for (const source of sources.values()) for (const name of namedPackages(source)) used.add(name);
    // JSX compiles to imports of hono/jsx/jsx-runtime (tsconfig's jsxImportSource).
    used.add('hono');
    // Type definitions are used by the build's type check when their package is.
    for (const name of runtime.filter((name) => name.startsWith('@types/'))) {
      const typed = name.slice('@types/'.length);
      if (typed === 'node' || used.has(typed)) used.add(name);
    }
    expect(runtime.filter((name) => !used.has(name))).toEqual([]);
  });

  it('lists under dependencies the type definitions the build needs (npm start type-checks)', () => {
    // tsconfig.json's `types: ["node"]`, and @types/X for each runtime X that has no types of its own.
    const needed = ['@types/node', ...runtime.map((name) => `@types/${name}`)].filter(
      (name) => name in pkg.dependencies || name in pkg.devDependencies,
    );
    expect(needed.filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('keeps tsx, the test runner and the test servers out of the runtime dependencies', () => {
    for (const name of ['tsx', 'vitest', 's3rver', 'playwright-core', 'standardwebhooks', 'autocannon']) {
      expect(runtime).not.toContain(name);
    }
  });
});
