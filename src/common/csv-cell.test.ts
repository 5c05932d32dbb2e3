import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRecords, csvText } from './csv-cell.js';

async function records(...chunks: string[]) {
  const out: string[][] = [];
  for await (const record of csvRecords(Readable.from(chunks))) out.push(record);
  return out;
}

describe('CSV cells and records', () => {
  it('reads back what csvCell wrote, across chunk boundaries, CRLF and quoted line breaks', async () => {
    const values = ['gewoon', 'met, komma', 'met "aanhalingstekens"', 'twee\r\nregels', '=SOM(A1)', '-5', ''];
    const line = values.map(csvCell).join(',');
    const text = `${line}\r\n${line}\r\n`;
    const split = [text.slice(0, 7), text.slice(7, 30), text.slice(30)];
    expect((await records(...split)).map((r) => r.map(csvText))).toEqual([values, values]);
  });

  it('guards formulas for spreadsheets and takes the guard off again', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(-3)).toBe('-3');
    expect(csvText("'=1+1")).toBe('=1+1');
    expect(csvText("'gewoon")).toBe("'gewoon");
  });

  it('takes a last line without a line end, and refuses an unclosed quote', async () => {
    expect(await records('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await expect(records('a,"b\n')).rejects.toThrow(/not closed/);
  });
});
