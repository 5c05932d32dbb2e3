import { describe, expect, it } from 'vitest';
import { linkModules } from './module-assets.js';

const files = (entries: Record<string, string>) => (name: string) => entries[name];

describe('linkModules', () => {
  it('serves each module under its hashed name, with imports pointing at the hashed names', () => {
    const [entry, ...rest] = linkModules(
      'main.js',
      files({
        'main.js':
          "import { a } from './a.js';\nimport './b.js';\nconst c = await import('./b.js');\na(c);\n",
        'a.js': "import { b } from './b.js';\nexport const a = (x) => b(x);\n",
        'b.js': 'export const b = (x) => x;\n',
      }),
    );
    const names = Object.fromEntries([entry, ...rest].map((asset) => [asset.name.split('-')[0], asset]));
    expect(entry.name).toMatch(/^main-\w{10}\.js$/);
    expect(Object.keys(names).sort()).toEqual(['a', 'b', 'main']);
    const main = entry.body.toString();
    expect(main).toContain(`from './${names.a.name}'`);
    expect(main).toContain(`import './${names.b.name}'`);
    expect(main).toContain(`import('./${names.b.name}')`);
    expect(names.a.body.toString()).toContain(`from './${names.b.name}'`);
    expect(entry.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('renames every module that depends on a changed one, and no other', () => {
    const graph = {
      'main.js': "import './a.js';\nimport './c.js';\n",
      'a.js': "import './b.js';\n",
      'b.js': 'export const b = 1;\n',
      'c.js': 'export const c = 1;\n',
    };
    const before = linkModules('main.js', files(graph)).map((asset) => asset.name);
    const after = linkModules('main.js', files({ ...graph, 'b.js': 'export const b = 2;\n' })).map(
      (asset) => asset.name,
    );
    const changed = before.filter((name) => !after.includes(name)).map((name) => name.split('-')[0]);
    expect(changed.sort()).toEqual(['a', 'b', 'main']);
  });

  it('refuses at start what the browser could not load: a missing module, a package, a path, a cycle', () => {
    expect(() => linkModules('main.js', files({ 'main.js': "import './gone.js';" }))).toThrow(
      /gone\.js not found/,
    );
    expect(() => linkModules('main.js', files({ 'main.js': "import { x } from 'hono';" }))).toThrow(
      /only '\.\/name\.js' imports/,
    );
    expect(() => linkModules('main.js', files({ 'main.js': "import { x } from '../up.js';" }))).toThrow(
      /only '\.\/name\.js' imports/,
    );
    expect(() =>
      linkModules('main.js', files({ 'main.js': "import './a.js';", 'a.js': "import './main.js';" })),
    ).toThrow(/imports itself/);
  });
});
