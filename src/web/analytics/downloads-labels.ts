/** Words of the download pages and screens, Dutch first with the English beside it. */
export const downloadsLabels = {
  downloads: { nl: 'Downloads', en: 'Downloads' },
  total: { nl: 'Totaal', en: 'Total' },
  perDay: { nl: 'Downloads per dag', en: 'Downloads per day' },
  perMonth: { nl: 'Downloads per maand', en: 'Downloads per month' },
  perEpisode: { nl: 'Downloads per aflevering', en: 'Downloads per episode' },
  topEpisodes: { nl: 'Meest gedownloade afleveringen', en: 'Top episodes' },
  apps: { nl: 'Apps', en: 'Apps' },
  devices: { nl: 'Apparaten', en: 'Devices' },
  day: { nl: 'Dag', en: 'Day' },
  month: { nl: 'Maand', en: 'Month' },
  episode: { nl: 'Aflevering', en: 'Episode' },
  app: { nl: 'App', en: 'App' },
  device: { nl: 'Apparaat', en: 'Device' },
  dayAfter: { nl: 'Dag na publicatie', en: 'Day after publication' },
  thisEpisode: { nl: 'Deze aflevering', en: 'This episode' },
  median: { nl: 'Mediaan van de podcast', en: 'Show median' },
  firstDays: { nl: 'De eerste 30 dagen, opgeteld', en: 'The first 30 days, cumulative' },
  howCounted: { nl: 'Hoe we downloads tellen', en: 'How downloads are counted' },
  noDownloads: { nl: 'Nog geen downloads geteld.', en: 'No downloads counted yet.' },
  chartNote: {
    nl: 'De grafiek toont dezelfde cijfers als de tabel.',
    en: 'The chart shows the same figures as the table.',
  },
  skip: { nl: 'Naar de inhoud', en: 'Skip to content' },
} as const;

export type DownloadsLabel = keyof typeof downloadsLabels;

/** "Dutch / English" for a label, as the screens show them side by side. */
export function both(label: DownloadsLabel): string {
  const { nl, en } = downloadsLabels[label];
  return nl === en ? nl : `${nl} / ${en}`;
}

/** A count the Dutch way (1.234), which the English reader reads without trouble too. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('nl-NL').format(value);
}
