import type { DownloadReport, FirstDaysCurve } from '../../domain/download-reports.js';
import { DownloadsChart } from './downloads-chart.js';
import { both, formatCount } from './downloads-labels.js';
import { DownloadsTable } from './downloads-table.js';

/**
 * A show's downloads for the staff interface: per day as a chart with the same table, the top
 * episodes, apps and devices. Standalone (no layout): the staff screens place it in theirs, with
 * uPlot's script and style and downloads-chart.js (see analytics-assets.ts) in the head.
 */
export function ShowDownloadsPanel(props: {
  perDay: DownloadReport;
  episodes: DownloadReport;
  apps: DownloadReport;
  devices: DownloadReport;
  language: string;
  top?: number;
}) {
  const { perDay } = props;
  return (
    <section class="zd-panel" aria-labelledby="zd-show-heading">
      <h2 id="zd-show-heading">{both('downloads')}</h2>
      <p>
        {both('total')} ({perDay.from} – {perDay.to}): <strong>{formatCount(perDay.total)}</strong>
      </p>
      <DownloadsChart
        id="zd-per-day"
        title="perDay"
        x={perDay.items.map((item) => item.key)}
        xLabel="day"
        series={[{ label: 'downloads', values: perDay.items.map((item) => item.downloads) }]}
      >
        <DownloadsTable caption="perDay" column="day" rows={perDay.items} />
      </DownloadsChart>
      <DownloadsTable
        caption="topEpisodes"
        column="episode"
        rows={props.episodes.items.slice(0, props.top ?? 10)}
        lang={props.language}
      />
      <DownloadsTable caption="apps" column="app" rows={props.apps.items} />
      <DownloadsTable caption="devices" column="device" rows={props.devices.items} />
    </section>
  );
}

/** An episode's first 30 days, cumulative, against the median of the show's other episodes. */
export function EpisodeFirstDaysPanel(props: {
  curve: FirstDaysCurve;
  first7Days: number | null;
  first30Days: number | null;
}) {
  const days = props.curve.showMedian.map((_, i) => i + 1);
  const rows = days.map((day, i) => ({
    key: String(day),
    label: String(day),
    episode: props.curve.episode[i],
    median: props.curve.showMedian[i],
  }));
  return (
    <section class="zd-panel" aria-labelledby="zd-episode-heading">
      <h2 id="zd-episode-heading">{both('firstDays')}</h2>
      <p>
        7: <strong>{props.first7Days === null ? '–' : formatCount(props.first7Days)}</strong> · 30:{' '}
        <strong>{props.first30Days === null ? '–' : formatCount(props.first30Days)}</strong>
      </p>
      <DownloadsChart
        id="zd-first-days"
        title="firstDays"
        x={days}
        xLabel="dayAfter"
        series={[
          { label: 'thisEpisode', values: props.curve.episode },
          { label: 'median', values: props.curve.showMedian },
        ]}
      >
        <table class="zd-table">
          <caption>{both('firstDays')}</caption>
          <thead>
            <tr>
              <th scope="col">{both('dayAfter')}</th>
              <th scope="col" class="zd-number">
                {both('thisEpisode')}
              </th>
              <th scope="col" class="zd-number">
                {both('median')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <td class="zd-number">{row.episode === null ? '–' : formatCount(row.episode)}</td>
                <td class="zd-number">{formatCount(row.median)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadsChart>
    </section>
  );
}
