import type { Channel } from './channels.js';

/** The languages with built-in templates; Dutch is the default. */
export type Language = 'nl' | 'en';

export const placeholders = ['title', 'summary', 'guests', 'link', 'hashtags', 'duration', 'show'] as const;

export type Placeholder = (typeof placeholders)[number];

/** "nl", "nl-BE" and anything unknown give Dutch; "en", "en-GB" give English. */
export function resolveLanguage(language: string | null | undefined): Language {
  return language?.trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/*
 * Templates are plain text with {placeholders}. A line whose placeholders all come out empty
 * (no guests, no summary, no hashtags on this channel) is left out, so no template needs
 * conditionals and a show's own template behaves the same way.
 */

const long = {
  nl: '🎙️ Nieuwe aflevering van {show}: {title}\n\n{summary}\n\nMet {guests}.\nDuur: {duration}\n\nLuister: {link}\n\n{hashtags}',
  en: '🎙️ New episode of {show}: {title}\n\n{summary}\n\nWith {guests}.\nLength: {duration}\n\nListen: {link}\n\n{hashtags}',
};

// X and Bluesky: the episode title leads and the show name is left out. With the show name in
// front, a long name crowded out the title and the draft ended in "…:" before the link; the
// link's page and the hashtags already say which show it is.
const short = {
  nl: '🎙️ {title}\n\n{summary}\n\nMet {guests}.\n\n{link}\n\n{hashtags}',
  en: '🎙️ {title}\n\n{summary}\n\nWith {guests}.\n\n{link}\n\n{hashtags}',
};

// Instagram captions do not link, so the built-in text points to the bio instead of {link}.
const instagram = {
  nl: '🎙️ Nieuwe aflevering van {show}: {title}\n\n{summary}\n\nMet {guests}.\nDuur: {duration}\n\n🔗 Luister via de link in onze bio.\n\n{hashtags}',
  en: '🎙️ New episode of {show}: {title}\n\n{summary}\n\nWith {guests}.\nLength: {duration}\n\n🔗 Listen via the link in our bio.\n\n{hashtags}',
};

/** What {link} becomes on a channel without clickable links, in a show's own template. */
export const linkInBio: Readonly<Record<Language, string>> = Object.freeze({
  nl: 'link in onze bio',
  en: 'link in bio',
});

function forLanguage(language: Language): Record<Channel, string> {
  return {
    mastodon: long[language],
    bluesky: short[language],
    linkedin: long[language],
    x: short[language],
    facebook: long[language],
    threads: long[language],
    instagram: instagram[language],
  };
}

export const builtInTemplates: Readonly<Record<Language, Readonly<Record<Channel, string>>>> = Object.freeze({
  nl: Object.freeze(forLanguage('nl')),
  en: Object.freeze(forLanguage('en')),
});
