import { both, formatCount } from './downloads-labels.js';
import { type DownloadsPageAssets, DownloadsPageShell } from './downloads-page-shell.js';
import { type CountRow, DownloadsTable } from './downloads-table.js';

export interface ShowTotals {
  show: { slug: string; title: string; language: string };
  total: number;
  months: CountRow[];
  episodes: CountRow[];
}

/** A show's public download totals (only for shows that opted in): all time, per month, per episode. */
export function ShowDownloadsPage(props: {
  assets: DownloadsPageAssets;
  totals: ShowTotals;
  methodUrl: string;
}) {
  const { totals } = props;
  return (
    <DownloadsPageShell
      assets={props.assets}
      title={`${both('downloads')}: ${totals.show.title}`}
      description={`Downloads van ${totals.show.title}`}
    >
      <h1>
        {both('downloads')}: <span lang={totals.show.language}>{totals.show.title}</span>
      </h1>
      <p>
        {both('total')}: <strong>{formatCount(totals.total)}</strong>
      </p>
      <p>
        <a href={props.methodUrl}>{both('howCounted')}</a>
      </p>
      {totals.total === 0 ? (
        <p>{both('noDownloads')}</p>
      ) : (
        <>
          <DownloadsTable caption="perMonth" column="month" rows={totals.months} />
          <DownloadsTable
            caption="perEpisode"
            column="episode"
            rows={totals.episodes}
            lang={totals.show.language}
          />
        </>
      )}
    </DownloadsPageShell>
  );
}
