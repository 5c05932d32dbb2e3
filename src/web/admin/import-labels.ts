/** The words of the import and export screens, Dutch first and English key for key. */
const nl = {
  title: 'Verhuizen naar zender',
  nav: 'Verhuizen',
  startTitle: 'Een podcast overnemen via de RSS-feed',
  startIntro:
    'zender leest de feed, maakt de podcast aan en neemt elke aflevering over met haar eigen guid en publicatiedatum, zodat luisteraars niets opnieuw downloaden.',
  feedUrl: 'Adres van de huidige feed',
  feedUrlHint: 'Het volledige adres, beginnend met https://',
  feedUrlInvalid: 'Vul een volledig adres in, beginnend met http:// of https://.',
  processAudio: 'Audio opnieuw verwerken (luidheid gelijktrekken en waveform maken)',
  start: 'Import starten',
  checklistTitle: 'Na de import: de verhuizing afronden',
  checkRedirect:
    'Laat de oude feed naar de nieuwe wijzen: zet itunes:new-feed-url in de oude feed of laat de oude server met 301 doorsturen naar het nieuwe adres.',
  checkApple: 'Geef het nieuwe feedadres door in Apple Podcasts Connect.',
  checkSpotify: 'Geef het nieuwe feedadres door aan Spotify (Spotify for Creators).',
  checkKeep: 'Houd de oude feed en doorverwijzing minstens vier weken in de lucht.',
  statusTitle: 'Import',
  status: 'Status',
  queued: 'in de wachtrij',
  running: 'bezig',
  done: 'klaar',
  failed: 'mislukt',
  episodes: 'Afleveringen',
  progress: '{done} van {total} overgenomen, {failed} mislukt',
  problems: 'Problemen',
  noProblems: 'Geen problemen.',
  openShow: 'Naar de podcast',
  refresh: 'Vernieuw deze pagina om de voortgang te zien.',
  started: 'De import is gestart.',
  exportTitle: 'Exporteren',
  exportText:
    'Download alles wat zender van deze podcast bewaart als één archief (tar): gegevens, audio, afbeeldingen, hoofdstukken, transcripties en de feed.',
  exportButton: 'Archief downloaden',
} as const;

export type ImportLabels = { [K in keyof typeof nl]: string };

const en: ImportLabels = {
  title: 'Moving to zender',
  nav: 'Moving in',
  startTitle: 'Take over a podcast from its RSS feed',
  startIntro:
    'zender reads the feed, creates the show and takes over every episode with its own guid and publication date, so listeners download nothing again.',
  feedUrl: 'Address of the current feed',
  feedUrlHint: 'The full address, starting with https://',
  feedUrlInvalid: 'Enter a full address, starting with http:// or https://.',
  processAudio: 'Process the audio again (even out loudness and draw the waveform)',
  start: 'Start the import',
  checklistTitle: 'After the import: finish the move',
  checkRedirect:
    'Point the old feed at the new one: set itunes:new-feed-url in the old feed or have the old host answer with a 301 to the new address.',
  checkApple: 'Give the new feed address to Apple Podcasts Connect.',
  checkSpotify: 'Give the new feed address to Spotify (Spotify for Creators).',
  checkKeep: 'Keep the old feed and its redirect up for at least four weeks.',
  statusTitle: 'Import',
  status: 'Status',
  queued: 'queued',
  running: 'running',
  done: 'done',
  failed: 'failed',
  episodes: 'Episodes',
  progress: '{done} of {total} taken over, {failed} failed',
  problems: 'Problems',
  noProblems: 'No problems.',
  openShow: 'Go to the show',
  refresh: 'Reload this page to see the progress.',
  started: 'The import has started.',
  exportTitle: 'Export',
  exportText:
    'Download everything zender keeps of this show as one archive (tar): data, audio, images, chapters, transcripts and the feed.',
  exportButton: 'Download the archive',
};

export const importLabels = { nl, en } as const;
