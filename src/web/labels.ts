/** Every word the player and the public pages show or announce, in Dutch and English. */
const nl = {
  lang: 'nl',
  play: 'Afspelen',
  pause: 'Pauzeren',
  position: 'Positie in de aflevering',
  /** Slider value text and announcements; {elapsed} and {total} are spoken durations. */
  valueText: '{elapsed} van {total}',
  announcePosition: 'Positie: {time}',
  back: '15 seconden terug',
  forward: '30 seconden vooruit',
  speed: 'Snelheid',
  volume: 'Volume',
  download: 'Downloaden',
  downloadName: '{title} downloaden',
  share: 'Delen vanaf hier',
  shareLink: 'Link naar dit moment',
  shareCopied: 'Link naar {time} gekopieerd',
  shareReady: 'Link naar {time} staat in het tekstveld',
  chapters: 'Hoofdstukken',
  chapterAt: 'Ga naar',
  transcript: 'Transcript',
  transcriptFollows: 'Een uitgeschreven tekst van deze aflevering volgt.',
  cueAt: 'Ga naar',
  episodes: 'Afleveringen',
  nowPlaying: 'Nu: {title}',
  playEpisode: 'Speel',
  hour: 'uur',
  hours: 'uur',
  minute: 'minuut',
  minutes: 'minuten',
  second: 'seconde',
  seconds: 'seconden',
  player: 'Speler',
  subscribe: 'Abonneren',
  rss: 'RSS-feed',
  showNotes: 'Over deze aflevering',
  people: 'Mensen in deze aflevering',
  hosts: 'Makers',
  published: 'Gepubliceerd',
  duration: 'Duur',
  season: 'Seizoen',
  episode: 'Aflevering',
  allEpisodes: 'Alle afleveringen van {show}',
  noEpisodes: 'Nog geen afleveringen.',
  notFound: 'Niet gevonden',
  notFoundText: 'Deze pagina bestaat niet (meer).',
  skip: 'Naar de inhoud',
  openPage: 'Naar de pagina van deze aflevering',
} as const;

export type Labels = { [K in keyof typeof nl]: string };

const en: Labels = {
  lang: 'en',
  play: 'Play',
  pause: 'Pause',
  position: 'Position in the episode',
  valueText: '{elapsed} of {total}',
  announcePosition: 'Position: {time}',
  back: 'Back 15 seconds',
  forward: 'Forward 30 seconds',
  speed: 'Speed',
  volume: 'Volume',
  download: 'Download',
  downloadName: 'Download {title}',
  share: 'Share from here',
  shareLink: 'Link to this moment',
  shareCopied: 'Link to {time} copied',
  shareReady: 'Link to {time} is in the text field',
  chapters: 'Chapters',
  chapterAt: 'Go to',
  transcript: 'Transcript',
  transcriptFollows: 'A written transcript of this episode will follow.',
  cueAt: 'Go to',
  episodes: 'Episodes',
  nowPlaying: 'Now: {title}',
  playEpisode: 'Play',
  hour: 'hour',
  hours: 'hours',
  minute: 'minute',
  minutes: 'minutes',
  second: 'second',
  seconds: 'seconds',
  player: 'Player',
  subscribe: 'Subscribe',
  rss: 'RSS feed',
  showNotes: 'About this episode',
  people: 'People in this episode',
  hosts: 'Hosts',
  published: 'Published',
  duration: 'Duration',
  season: 'Season',
  episode: 'Episode',
  allEpisodes: 'All episodes of {show}',
  noEpisodes: 'No episodes yet.',
  notFound: 'Not found',
  notFoundText: 'This page does not exist (any more).',
  skip: 'Skip to content',
  openPage: 'Open the page of this episode',
};

/**
 * Labels for `?lang=` when it names a language we have, else for the show's language, else Dutch
 * (the platform's first language).
 */
export function labelsFor(requested: string | undefined, showLanguage: string): Labels {
  const pick = (tag: string | undefined) => tag?.toLowerCase().split('-')[0];
  const wanted = pick(requested);
  if (wanted === 'en' || wanted === 'nl') return wanted === 'en' ? en : nl;
  return pick(showLanguage) === 'en' ? en : nl;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The labels the client script needs, as one data attribute. */
export function clientLabels(labels: Labels): string {
  const keys = [
    'play',
    'pause',
    'valueText',
    'announcePosition',
    'shareCopied',
    'shareReady',
    'nowPlaying',
    'hour',
    'hours',
    'minute',
    'minutes',
    'second',
    'seconds',
  ] as const;
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, labels[k]])));
}
