import { jsonForScript } from '../json-for-script.js';
import { both, type DownloadsLabel } from './downloads-labels.js';

/** One line of a chart: its name and a value per x (null: no value there yet). */
export interface ChartSeries {
  label: DownloadsLabel;
  values: (number | null)[];
}

/**
 * A line chart drawn by uPlot (downloads-chart.js, served by zender) from a JSON data block,
 * never inline script. The figure is hidden from assistive technology, which reads the table
 * given as children (the same figures); without script the table is all there is.
 */
export function DownloadsChart(props: {
  id: string;
  title: DownloadsLabel;
  /** The x axis: dates (YYYY-MM-DD) or day numbers. */
  x: (string | number)[];
  xLabel: DownloadsLabel;
  series: ChartSeries[];
  children?: unknown;
}) {
  const data = {
    title: both(props.title),
    x: props.x,
    xLabel: both(props.xLabel),
    series: props.series.map((s) => ({ label: both(s.label), values: s.values })),
  };
  return (
    <figure class="zd-figure" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{both(props.title)}</figcaption>
      <div class="zd-chart" data-zd-chart={`${props.id}-data`} aria-hidden="true" />
      <script
        type="application/json"
        id={`${props.id}-data`}
        dangerouslySetInnerHTML={{ __html: jsonForScript(data) }}
      />
      <p class="zd-note">{both('chartNote')}</p>
      {props.children}
    </figure>
  );
}
