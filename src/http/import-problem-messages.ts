import type { ProblemMessage } from './problem-message.js';

/** Sentences for refused imports and restores, in Dutch and English. */
export const importProblemMessages: Record<string, ProblemMessage> = {
  url_not_public: {
    status: 422,
    title: { nl: 'Adres niet toegestaan', en: 'Address not allowed' },
    detail: (p, l) =>
      l === 'nl'
        ? `${p.host} is geen openbaar adres; zender haalt niets op van interne adressen (ALLOW_PRIVATE_URLS staat uit).`
        : `${p.host} is not a public address; zender fetches nothing from internal addresses (ALLOW_PRIVATE_URLS is off).`,
  },
  archive_invalid: {
    status: 400,
    title: { nl: 'Ongeldig archief', en: 'Invalid archive' },
    detail: (p, l) =>
      l === 'nl'
        ? `Dit is geen bruikbaar zender-exportarchief: ${p.reason}. Er is niets teruggezet.`
        : `This is not a usable zender export archive: ${p.reason}. Nothing was restored.`,
  },
};
