import { both, type DownloadsLabel, formatCount } from './downloads-labels.js';

export interface CountRow {
  key: string;
  label: string;
  downloads: number;
}

/**
 * An accessible table of counts: a caption, column headers with scope, the row's label as row
 * header, numbers right-aligned. The charts show the same rows; this is what screen readers and
 * keyboard users get, and what prints.
 */
export function DownloadsTable(props: {
  caption: DownloadsLabel;
  column: DownloadsLabel;
  rows: CountRow[];
  id?: string;
  /** Labels in the show's language (episode titles). */
  lang?: string;
}) {
  return (
    <table class="zd-table" id={props.id}>
      <caption>{both(props.caption)}</caption>
      <thead>
        <tr>
          <th scope="col">{both(props.column)}</th>
          <th scope="col" class="zd-number">
            {both('downloads')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row" lang={props.lang}>
              {row.label}
            </th>
            <td class="zd-number">{formatCount(row.downloads)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
