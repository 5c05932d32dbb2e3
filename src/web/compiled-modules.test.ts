import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledFolder, compiledModules } from './compiled-modules.js';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-compiled-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('compiledModules', () => {
  it('reads the JavaScript a build put beside the entry as it is (npm start runs from dist/)', () => {
    const dir = folder({ 'count.js': 'export const count = (t) => t.length;\n', 'count.ts': 'never read' });
    const read = compiledModules(pathToFileURL(path.join(dir, 'count.js')));
    expect(read('count.js')).toBe('export const count = (t) => t.length;\n');
    expect(read('missing.js')).toBeUndefined();
    expect(read('../count.js')).toBeUndefined();
  });

  it('compiles the TypeScript entry and what it imports when run from source, once for each content', () => {
    const sources = {
      'count.ts':
        "import type { Rules } from './rules.js';\nimport { weight } from './weight.js';\n" +
        'export function count(text: string, rules: Rules): number {\n  return weight(text) * rules.scale;\n}\n',
      'weight.ts': 'export const weight = (text: string): number => [...text].length;\n',
      'rules.ts': 'export interface Rules {\n  scale: number;\n}\n',
    };
    const dir = folder(sources);
    const entry = pathToFileURL(path.join(dir, 'count.js'));
    const read = compiledModules(entry);
    const count = read('count.js')!;
    expect(count).toContain("import { weight } from './weight.js';");
    expect(count).not.toContain('rules.js'); // a type-only import is gone, as tsc leaves it
    expect(count).not.toMatch(/: (string|number|Rules)\b/);
    expect(read('weight.js')).toContain('export const weight = (text) => [...text].length;');

    // The same content again: the earlier compilation is used, not redone (what is in its
    // folder is what comes back).
    const compiled = compiledFolder(entry);
    expect(compiled.startsWith(path.join(tmpdir(), 'zender-browser-modules'))).toBe(true);
    writeFileSync(path.join(compiled, 'count.js'), `${count}// seen again\n`);
    expect(compiledModules(entry)('count.js')).toBe(`${count}// seen again\n`);

    // A changed import is compiled anew, into a folder of its own.
    writeFileSync(
      path.join(dir, 'weight.ts'),
      'export const weight = (text: string): number => text.length * 2;\n',
    );
    expect(compiledFolder(entry)).not.toBe(compiled);
    expect(compiledModules(entry)('weight.js')).toContain('text.length * 2');
    expect(compiledModules(entry)('count.js')).toBe(count);
    dirs.push(compiled, compiledFolder(entry));
  }, 30_000);

  it('says so when there is neither JavaScript nor TypeScript', () => {
    const dir = folder({});
    expect(() => compiledModules(pathToFileURL(path.join(dir, 'gone.js')))).toThrow(
      /no gone\.js nor its TypeScript source/,
    );
  });
});
