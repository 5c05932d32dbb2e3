/** The words of the full feed check screen, Dutch first and English key for key. */
const nl = {
  title: 'Volledige controle van de feed: {title}',
  link: 'Volledige controle: feed teruglezen en audiobestanden opvragen',
  linkHint:
    'Leest de feed zoals podcastapps dat doen en vraagt elk audiobestand op zoals Apple Podcasts dat doet. Dit telt niet als download. Bij veel afleveringen duurt het even.',
  intro:
    'Deze controle leest de feed met een onafhankelijke RSS-lezer en vraagt elk audiobestand op zoals de validator van Apple Podcasts: een HEAD-verzoek (antwoord 200, de juiste grootte en een audiotype) en de eerste twee bytes (antwoord 206). De verzoeken tellen niet als download.',
  back: 'Terug naar de podcast',
  rules: 'Regels van Apple Podcasts',
  findings: 'De feed en de audiobestanden',
  findingsOk:
    'Een onafhankelijke RSS-lezer ziet elke aflevering, en elk audiobestand antwoordt zoals Apple Podcasts verwacht.',
  noFeed: 'Deze podcast heeft hier geen feed (hij is verhuisd): er is niets terug te lezen.',
  error: 'Fout',
  again: 'Opnieuw controleren',
};

const en: typeof nl = {
  title: 'Full feed check: {title}',
  link: 'Full check: read the feed back and request the audio files',
  linkHint:
    'Reads the feed as podcast apps do and requests every audio file as Apple Podcasts does. This does not count as a download. With many episodes it takes a while.',
  intro:
    "This check reads the feed with an independent RSS parser and requests every audio file as Apple Podcasts' validator does: a HEAD request (answer 200, the right size and an audio type) and the first two bytes (answer 206). The requests do not count as downloads.",
  back: 'Back to the podcast',
  rules: "Apple Podcasts' rules",
  findings: 'The feed and the audio files',
  findingsOk:
    'An independent RSS parser sees every episode, and every audio file answers as Apple Podcasts expects.',
  noFeed: 'This podcast has no feed here (it moved away): there is nothing to read back.',
  error: 'Error',
  again: 'Check again',
};

export const feedCheckLabels = { nl, en } as const;
