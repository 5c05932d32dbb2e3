import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A clone is all a newcomer has: no file may send them to documents, people or trackers that are
 * not in it (planning notes beside the checkout, "the lead", numbered issues of a tracker).
 */
const root = path.resolve(import.meta.dirname, '..');
const skipped = new Set(['node_modules', '.git', 'dist', 'data', 'media', 'feeds', 'coverage', '.tmp']);
const textFile = /\.(ts|tsx|js|mjs|cjs|json|md|css|html|yml|yaml|sh)$|^(run|\.gitignore)$/;

const outside: [RegExp, string][] = [
  [/PRODUCT\.md|ARCHITECTURE\.md/, 'a planning document outside the repository'],
  [/\.\.\/shared\/[A-Z]/, 'a folder beside the checkout'],
  [/\bthe lead\b/i, 'a person, not a document'],
  [/\b[Ii]ssue #?\d+\b/, 'an issue tracker a clone does not have'],
  [/\/work\/(?:shared|main)\b/, 'a path on one machine'],
];

function files(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...files(full));
    else if (textFile.test(entry.name) && entry.name !== 'package-lock.json') found.push(full);
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('refers to nothing outside itself', () => {
    const all = files(root);
    expect(all).toContain(path.join(root, 'README.md'));
    expect(all).toContain(path.join(root, 'docs', 'architecture.md'));
    const self = path.join(root, 'tests', 'repository-self-contained.test.ts');
    const hits: string[] = [];
    for (const file of all.filter((file) => file !== self)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const [pattern, why] of outside) {
            if (pattern.test(line))
              hits.push(`${path.relative(root, file)}:${index + 1} (${why}): ${line.trim()}`);
          }
        });
    }
    expect(hits).toEqual([]);
  });

  it('keeps every relative link of the Markdown documents pointing at a file that exists', () => {
    const broken: string[] = [];
    for (const file of files(root).filter((file) => file.endsWith('.md'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)) {
        const target = path.resolve(path.dirname(file), match[1]);
        try {
          readFileSync(target);
        } catch {
          try {
            readdirSync(target);
          } catch {
            broken.push(`${path.relative(root, file)}: ${match[1]}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
