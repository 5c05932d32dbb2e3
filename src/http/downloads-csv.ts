import { csvCell as cell } from '../common/csv-cell.js';
import type { DownloadReport } from '../domain/download-reports.js';

/** A report's rows as CSV: key, label, downloads, one line each, with a header. */
export function downloadsCsv(report: DownloadReport): string {
  const lines = [['key', 'label', 'downloads'].join(',')];
  for (const item of report.items)
    lines.push([cell(item.key), cell(item.label), cell(item.downloads)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
