import { describe, expect, it } from 'vitest';
import { memoizeText } from './memoize-text.js';

function counted(budget: number, maxEntry = budget) {
  const calls: string[] = [];
  const upper = memoizeText(
    (text) => {
      calls.push(text);
      return text.toUpperCase();
    },
    budget,
    maxEntry,
  );
  return { upper, calls };
}

describe('memoizeText', () => {
  it('computes a text once and then gives the kept result', () => {
    const { upper, calls } = counted(100);
    expect([upper('ab'), upper('ab'), upper('cd'), upper('ab')]).toEqual(['AB', 'AB', 'CD', 'AB']);
    expect(calls).toEqual(['ab', 'cd']);
  });

  it('drops the least recently used texts beyond its budget of characters', () => {
    const { upper, calls } = counted(12); // three texts of two characters, results included
    upper('aa');
    upper('bb');
    upper('cc');
    upper('aa'); // now the most recent; bb is the oldest
    upper('dd'); // over budget: bb goes
    upper('aa');
    upper('cc');
    upper('dd');
    expect(calls).toEqual(['aa', 'bb', 'cc', 'dd']);
    upper('bb');
    expect(calls).toEqual(['aa', 'bb', 'cc', 'dd', 'bb']);
  });

  it('does not keep a text larger than maxEntry', () => {
    const { upper, calls } = counted(1000, 10);
    upper('abcdefgh');
    upper('abcdefgh');
    upper('abc');
    upper('abc');
    expect(calls).toEqual(['abcdefgh', 'abcdefgh', 'abc']);
  });
});
