/**
 * Why a feed, or one episode of it, did not come along. The code is stable; the sentences are
 * for the staff who follow the move (Dutch first, English too).
 */
export type ImportReasonCode =
  | 'address_refused'
  | 'feed_unreachable'
  | 'feed_http_status'
  | 'feed_too_large'
  | 'feed_too_slow'
  | 'feed_doctype'
  | 'feed_not_rss'
  | 'feed_locked'
  | 'slug_taken'
  | 'enclosure_missing'
  | 'enclosure_http_status'
  | 'enclosure_too_large'
  | 'enclosure_unreachable'
  | 'not_audio'
  | 'attachment_failed';

const sentences: Record<ImportReasonCode, (d: string) => { nl: string; en: string }> = {
  address_refused: (d) => ({
    nl: `Dit adres is niet openbaar en wordt niet opgehaald (${d}).`,
    en: `This address is not public and is not fetched (${d}).`,
  }),
  feed_unreachable: (d) => ({
    nl: `De feed kon niet worden opgehaald: ${d}.`,
    en: `The feed could not be fetched: ${d}.`,
  }),
  feed_http_status: (d) => ({
    nl: `De server van de feed antwoordde met status ${d}.`,
    en: `The feed's server answered with status ${d}.`,
  }),
  feed_too_large: (d) => ({
    nl: `De feed is groter dan ${d}; zo'n feed wordt niet ingelezen.`,
    en: `The feed is larger than ${d}; such a feed is not read.`,
  }),
  feed_too_slow: (d) => ({
    nl: `De feed kwam niet binnen ${d} binnen; het ophalen is gestopt.`,
    en: `The feed did not arrive within ${d}; fetching stopped.`,
  }),
  feed_doctype: () => ({
    nl: 'De feed bevat een DOCTYPE- of ENTITY-declaratie; die wordt om veiligheidsredenen geweigerd.',
    en: 'The feed contains a DOCTYPE or ENTITY declaration; it is refused for safety.',
  }),
  feed_not_rss: () => ({
    nl: 'Dit is geen RSS-podcastfeed.',
    en: 'This is not an RSS podcast feed.',
  }),
  feed_locked: () => ({
    nl: 'De feed staat op slot (podcast:locked): de eigenaar staat verhuizen niet toe.',
    en: 'The feed is locked (podcast:locked): its owner does not allow it to be moved.',
  }),
  slug_taken: (d) => ({
    nl: `Er bestaat al een podcast met de slug "${d}".`,
    en: `A show with the slug "${d}" already exists.`,
  }),
  enclosure_missing: () => ({
    nl: 'De aflevering heeft geen audiobestand (enclosure).',
    en: 'The episode has no audio file (enclosure).',
  }),
  enclosure_http_status: (d) => ({
    nl: `Het audiobestand kon niet worden opgehaald: de server antwoordde met status ${d}.`,
    en: `The audio file could not be fetched: the server answered with status ${d}.`,
  }),
  enclosure_too_large: (d) => ({
    nl: `Het audiobestand is groter dan de grens van ${d}.`,
    en: `The audio file is larger than the limit of ${d}.`,
  }),
  enclosure_unreachable: (d) => ({
    nl: `Het audiobestand kon niet worden opgehaald: ${d}.`,
    en: `The audio file could not be fetched: ${d}.`,
  }),
  not_audio: (d) => ({
    nl: `Het bestand is geen bruikbare audio (${d}).`,
    en: `The file is not usable audio (${d}).`,
  }),
  attachment_failed: (d) => ({
    nl: `Een bijlage (hoofdstukken of transcript) kon niet worden overgenomen: ${d}.`,
    en: `An attachment (chapters or transcript) could not be taken over: ${d}.`,
  }),
};

/** A refusal the import job records instead of crashing; `detail` fills the sentence. */
export class ImportRefusal extends Error {
  constructor(
    readonly code: ImportReasonCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ImportRefusal';
  }

  get sentences(): { nl: string; en: string } {
    return sentences[this.code](this.detail);
  }
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
