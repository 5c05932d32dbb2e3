import type { ProblemMessage } from './problem-message.js';

/** Sentences for input the API refuses before any rule runs, in Dutch and English. */
export const inputProblemMessages: Record<string, ProblemMessage> = {
  unknown_fields: {
    status: 400,
    title: { nl: 'Onbekend veld', en: 'Unknown field' },
    detail: (p, l) => {
      const many = Number(p.count) > 1;
      return l === 'nl'
        ? `${many ? 'Deze velden kent' : 'Dit veld kent'} de API niet: ${p.fields}. Er is niets opgeslagen; controleer de spelling (de velden staan in /docs).`
        : `The API does not know ${many ? 'these fields' : 'this field'}: ${p.fields}. Nothing was saved; check the spelling (the fields are listed in /docs).`;
    },
  },
  unknown_license: {
    status: 400,
    title: { nl: 'Onbekende licentie', en: 'Unknown license' },
    detail: (p, l) =>
      l === 'nl'
        ? `"${p.id}" in ${p.field} is geen licentie-id die zender kent. Kies een id uit de lijst (zoals cc-by-4.0) of geef een eigen licentie als { "name", "url" }.`
        : `"${p.id}" in ${p.field} is not a license id zender knows. Choose an id from the list (such as cc-by-4.0) or give your own license as { "name", "url" }.`,
  },
};
