import type { ProblemMessage } from './problem-message.js';

/** Sentences for refused imports and restores, in Dutch and English. */
export const importProblemMessages: Record<string, ProblemMessage> = {
  archive_invalid: {
    status: 400,
    title: { nl: 'Ongeldig archief', en: 'Invalid archive' },
    detail: (p, l) =>
      l === 'nl'
        ? `Dit is geen bruikbaar zender-exportarchief: ${p.reason}. Er is niets teruggezet.`
        : `This is not a usable zender export archive: ${p.reason}. Nothing was restored.`,
  },
};
