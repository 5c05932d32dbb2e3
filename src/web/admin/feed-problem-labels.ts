import type { FeedProblem } from '../../domain/feed-check.js';

type Locale = 'nl' | 'en';
type Explain = (title: string) => string;

/** The feed check's problems explained to staff, by stable code; the check itself speaks English. */
const explanations: Record<string, Record<Locale, Explain>> = {
  artwork_missing: {
    nl: () =>
      'De podcast heeft nog geen afbeelding. Upload een vierkante JPEG of PNG van 1400 tot 3000 pixels.',
    en: () => 'The show has no artwork yet. Upload a square JPEG or PNG of 1400 to 3000 pixels.',
  },
  artwork_size: {
    nl: () => 'De afbeelding is kleiner dan 1400 × 1400 pixels; Apple Podcasts weigert die.',
    en: () => 'The artwork is smaller than 1400 × 1400 pixels; Apple Podcasts refuses it.',
  },
  category_missing: {
    nl: () => 'Kies een categorie voor Apple Podcasts.',
    en: () => 'Choose an Apple Podcasts category.',
  },
  owner_email_missing: {
    nl: () => 'Vul het e-mailadres van de eigenaar in.',
    en: () => "Fill in the owner's e-mail address.",
  },
  description_missing: { nl: () => 'Vul een beschrijving in.', en: () => 'Fill in a description.' },
  description_too_long: {
    nl: () => 'De beschrijving is langer dan 4000 bytes; maak haar korter.',
    en: () => 'The description is longer than 4000 bytes; shorten it.',
  },
  language_missing: { nl: () => 'Vul de taal in.', en: () => 'Fill in the language.' },
  link_missing: {
    nl: () => 'Er is geen website ingevuld. Apple raadt die aan.',
    en: () => 'No website is filled in. Apple recommends one.',
  },
  copyright_missing: {
    nl: () => 'Er is geen copyrightregel. Die wordt aangeraden.',
    en: () => 'There is no copyright line. One is recommended.',
  },
  not_locked: {
    nl: () => 'De feed is niet vergrendeld: andere diensten kunnen hem overnemen.',
    en: () => 'The feed is not locked: other services may import it.',
  },
  episode_title_missing: {
    nl: () => 'Een aflevering heeft geen titel.',
    en: () => 'An episode has no title.',
  },
  enclosure_missing: {
    nl: (t) => `"${t}" heeft nog geen verwerkte opname.`,
    en: (t) => `"${t}" has no processed recording yet.`,
  },
  enclosure_length_mismatch: {
    nl: (t) => `De opname van "${t}" klopt niet met het opgeslagen bestand. Upload de opname opnieuw.`,
    en: (t) => `The recording of "${t}" does not match the stored file. Upload the recording again.`,
  },
  duration_missing: { nl: (t) => `"${t}" heeft geen duur.`, en: (t) => `"${t}" has no duration.` },
  episode_number_missing: {
    nl: (t) => `"${t}" heeft een nummer nodig: de podcast is een serie.`,
    en: (t) => `"${t}" needs a number: the show is serial.`,
  },
  episode_description_too_long: {
    nl: (t) => `De beschrijving van "${t}" is langer dan 4000 bytes.`,
    en: (t) => `The description of "${t}" is longer than 4000 bytes.`,
  },
  episode_description_missing: {
    nl: (t) => `"${t}" heeft geen beschrijving of samenvatting. Die helpt luisteraars kiezen.`,
    en: (t) => `"${t}" has no description or summary. One helps listeners choose.`,
  },
};

/**
 * A sentence for one problem: the finding's own words in the language when it has them (reading
 * the feed back, probing the audio), else the explanation of its code, else the check's English.
 */
export function explainFeedProblem(problem: FeedProblem, locale: Locale, episodeTitle = ''): string {
  return problem.messages?.[locale] ?? explanations[problem.code]?.[locale](episodeTitle) ?? problem.message;
}
