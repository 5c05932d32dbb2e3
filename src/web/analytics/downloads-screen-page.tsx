import { Document } from '../document.js';
import type { AnalyticsAssets } from './analytics-assets.js';
import { both } from './downloads-labels.js';
import { EpisodeFirstDaysPanel, ShowDownloadsPanel } from './downloads-screens.js';

type ShowPanel = Parameters<typeof ShowDownloadsPanel>[0];
type EpisodePanel = Parameters<typeof EpisodeFirstDaysPanel>[0];

/**
 * The download panels as a page of their own, with uPlot and the chart script in place: what a
 * staff screen embeds (the staff layout would replace this Document), and how the panels are
 * tried in a browser before that layout exists.
 */
export function DownloadsScreenPage(props: {
  /** Absolute base for the asset paths (BASE_URL). */
  base: string;
  assets: Pick<AnalyticsAssets, 'uplotScript' | 'uplotStyle' | 'chartScript' | 'style'>;
  inlineStyle: string;
  title: string;
  show: ShowPanel;
  episode?: EpisodePanel;
}) {
  const url = (path: string) => `${props.base}${path}`;
  return (
    <Document
      lang="nl"
      title={`${both('downloads')}: ${props.title}`}
      head={<script src={url(props.assets.uplotScript)} defer />}
      styleUrls={[url(props.assets.uplotStyle), url(props.assets.style)]}
      inlineStyle={props.inlineStyle}
      bodyClass="zp-page"
    >
      <main id="main">
        <h1>
          {both('downloads')}: <span lang={props.show.language}>{props.title}</span>
        </h1>
        <ShowDownloadsPanel {...props.show} />
        {props.episode && <EpisodeFirstDaysPanel {...props.episode} />}
      </main>
      <script src={url(props.assets.chartScript)} defer />
    </Document>
  );
}
