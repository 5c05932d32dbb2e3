import type { DownloadReport } from '../domain/download-reports.js';

/**
 * A cell as RFC 4180 wants it, and safe to open in a spreadsheet: text that starts with = + - @
 * (an episode title, say) gets a leading apostrophe so it is never taken for a formula.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A report's rows as CSV: key, label, downloads, one line each, with a header. */
export function downloadsCsv(report: DownloadReport): string {
  const lines = [['key', 'label', 'downloads'].join(',')];
  for (const item of report.items)
    lines.push([cell(item.key), cell(item.label), cell(item.downloads)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
