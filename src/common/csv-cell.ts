const formulaStart = /^[=+\-@\t\r]/;

/** The text is not CSV (csvRecords). */
export class CsvFormatError extends Error {}

/**
 * A cell as RFC 4180 wants it, and safe to open in a spreadsheet: text that starts with = + - @
 * (an episode title, say) gets a leading apostrophe so it is never taken for a formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text cell as written before csvCell guarded it (the apostrophe before = + - @ taken off again). */
export function csvText(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * The records of an RFC 4180 document (quoted fields may hold commas, quotes and line breaks),
 * read from a stream of text as it comes, one record at a time.
 */
export async function* csvRecords(input: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let quoteSeen = false;
  let lastWasCr = false;
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    for (const char of text) {
      if (quoted) {
        lastWasCr = false;
        if (char === '"') {
          quoted = false;
          quoteSeen = true;
        } else field += char;
        continue;
      }
      if (char === '"') {
        // A quote right after a closing quote is an escaped one: "" inside a quoted field.
        if (quoteSeen) field += '"';
        quoted = true;
        quoteSeen = false;
        continue;
      }
      quoteSeen = false;
      if (char === ',') {
        record.push(field);
        field = '';
      } else if (char === '\n' || char === '\r') {
        // CRLF is one line end; a lone CR or LF is one too.
        if (!(char === '\n' && lastWasCr)) {
          record.push(field);
          yield record;
          record = [];
          field = '';
        }
      } else field += char;
      lastWasCr = char === '\r';
    }
  }
  if (quoted) throw new CsvFormatError('a quoted field is not closed');
  if (field !== '' || record.length > 0) {
    record.push(field);
    yield record;
  }
}
