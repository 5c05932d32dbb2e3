import { importProblemMessages } from './import-problem-messages.js';
import { inputProblemMessages } from './input-problem-messages.js';
import type { Locale } from './locale.js';
import { mediaProblemMessages } from './media-problem-messages.js';
import type { ProblemMessage } from './problem-message.js';
import { securityProblemMessages } from './security-problem-messages.js';
import { siteProblemMessages } from './site-problem-messages.js';

type Message = ProblemMessage;

const entity: Record<string, Record<Locale, string>> = {
  show: { nl: 'podcast', en: 'show' },
  episode: { nl: 'aflevering', en: 'episode' },
  job: { nl: 'taak', en: 'job' },
  token: { nl: 'token', en: 'token' },
  transcript: { nl: 'transcript', en: 'transcript' },
  draft: { nl: 'concept', en: 'draft' },
  webhook: { nl: 'webhook', en: 'webhook' },
  file: { nl: 'bestand', en: 'file' },
  route: { nl: 'pagina', en: 'page' },
  import: { nl: 'import', en: 'import' },
  user: { nl: 'account', en: 'account' },
};

function mb(bytes: number | string): string {
  return `${Math.round(Number(bytes) / 1024 / 1024)} MB`;
}

/**
 * Every problem a client can get, with a human sentence in Dutch and English. The code is the
 * stable part clients may branch on; the sentence is for people.
 */
const coreMessages: Record<string, Message> = {
  not_found: {
    status: 404,
    title: { nl: 'Niet gevonden', en: 'Not found' },
    detail: (p, l) =>
      l === 'nl'
        ? `Deze ${entity[p.entity]?.nl ?? 'bron'} bestaat niet (meer).`
        : `This ${entity[p.entity]?.en ?? 'resource'} does not exist (any more).`,
  },
  invalid_input: {
    status: 400,
    title: { nl: 'Ongeldige invoer', en: 'Invalid input' },
    detail: (_p, l) =>
      l === 'nl'
        ? 'Een of meer velden kloppen niet; zie de lijst met fouten.'
        : 'One or more fields are not valid; see the list of errors.',
  },
  malformed_json: {
    status: 400,
    title: { nl: 'Onleesbare JSON', en: 'Malformed JSON' },
    detail: (_p, l) => (l === 'nl' ? 'De body is geen geldige JSON.' : 'The request body is not valid JSON.'),
  },
  upload_interrupted: {
    status: 400,
    title: { nl: 'Upload onderbroken', en: 'Upload interrupted' },
    detail: (_p, l) =>
      l === 'nl'
        ? 'De upload is onderbroken voordat alles binnen was; er is niets bewaard. Probeer het opnieuw (of gebruik hervatbaar uploaden).'
        : 'The upload stopped before all bytes arrived; nothing was kept. Try again (or use resumable upload).',
  },
  feed_rules: {
    status: 422,
    title: { nl: 'Nog niet klaar om te publiceren', en: 'Not ready to publish' },
    detail: (p, l) =>
      l === 'nl'
        ? `Publiceren kan nog niet: ${p.count} punt(en) voldoen niet aan de regels van Apple Podcasts; zie de lijst.`
        : `Cannot publish yet: ${p.count} item(s) break Apple Podcasts' rules; see the list.`,
  },
  unauthorized: {
    status: 401,
    title: { nl: 'Niet aangemeld', en: 'Unauthorized' },
    detail: (_p, l) =>
      l === 'nl'
        ? 'Stuur een geldig API-token mee in de header Authorization: Bearer <token>.'
        : 'Send a valid API token in the header Authorization: Bearer <token>.',
  },
  forbidden: {
    status: 403,
    title: { nl: 'Geen toegang', en: 'Forbidden' },
    detail: (p, l) =>
      l === 'nl'
        ? `Dit vraagt de rol ${p.needed}; uw token heeft de rol ${p.held}.`
        : `This needs the role ${p.needed}; your token has the role ${p.held}.`,
  },
  slug_taken: {
    status: 409,
    title: { nl: 'Slug al in gebruik', en: 'Slug already in use' },
    detail: (p, l) =>
      l === 'nl'
        ? `De slug "${p.slug}" is al in gebruik; kies een andere.`
        : `The slug "${p.slug}" is already in use; choose another.`,
  },
  slug_retired: {
    status: 409,
    title: { nl: 'Slug eerder gebruikt', en: 'Slug used before' },
    detail: (p, l) =>
      l === 'nl'
        ? `De slug "${p.slug}" was het openbare adres van een andere aflevering van deze podcast; podcast-apps kennen dat adres nog. Kies een andere slug.`
        : `The slug "${p.slug}" was the public address of another episode of this show; podcast apps still know that address. Choose another slug.`,
  },
  email_taken: {
    status: 409,
    title: { nl: 'E-mailadres al in gebruik', en: 'E-mail address already in use' },
    detail: (p, l) =>
      l === 'nl'
        ? `Er is al een account met het e-mailadres ${p.email}.`
        : `There already is an account with the e-mail address ${p.email}.`,
  },
  conflict: {
    status: 409,
    title: { nl: 'Conflict', en: 'Conflict' },
    detail: (p, l) =>
      l === 'nl' ? `Dit kan nu niet: ${p.reason ?? ''}` : `Not possible right now: ${p.reason ?? ''}`,
  },
  too_large: {
    status: 413,
    title: { nl: 'Bestand te groot', en: 'File too large' },
    detail: (p, l) =>
      l === 'nl'
        ? `Het bestand is groter dan de toegestane ${mb(p.maxBytes)}.`
        : `The file is larger than the allowed ${mb(p.maxBytes)}.`,
  },
  unsupported_media_type: {
    status: 415,
    title: { nl: 'Bestandstype niet ondersteund', en: 'Unsupported media type' },
    detail: (p, l) =>
      l === 'nl'
        ? `Het type "${p.contentType}" wordt hier niet geaccepteerd; wel: ${p.accepted}.`
        : `The type "${p.contentType}" is not accepted here; accepted: ${p.accepted}.`,
  },
  unprocessable: {
    status: 422,
    title: { nl: 'Kan niet verwerken', en: 'Cannot process' },
    detail: (p, l) =>
      l === 'nl'
        ? `Dit kan niet worden verwerkt: ${p.reason ?? ''}`
        : `This cannot be processed: ${p.reason ?? ''}`,
  },
  internal: {
    status: 500,
    title: { nl: 'Interne fout', en: 'Internal error' },
    detail: (p, l) =>
      l === 'nl'
        ? `Er ging iets mis aan onze kant. Vermeld bij contact het kenmerk ${p.requestId}.`
        : `Something went wrong on our side. Quote reference ${p.requestId} when you get in touch.`,
  },
  not_ready: {
    status: 503,
    title: { nl: 'Niet beschikbaar', en: 'Not ready' },
    detail: (_p, l) => (l === 'nl' ? 'De dienst is nog niet klaar.' : 'The service is not ready.'),
  },
  draft_state: {
    status: 409,
    title: { nl: 'Niet in deze status', en: 'Not in this state' },
    detail: (p, l) =>
      l === 'nl'
        ? `Dit concept is ${draftStatus[p.status]?.nl ?? p.status}; ${draftAction[p.action]?.nl ?? p.action} kan dan niet.`
        : `This draft is ${draftStatus[p.status]?.en ?? p.status}; it cannot be ${draftAction[p.action]?.en ?? p.action} now.`,
  },
  draft_too_long: {
    status: 422,
    title: { nl: 'Tekst te lang', en: 'Text too long' },
    detail: (p, l) =>
      l === 'nl'
        ? `De tekst telt ${p.length} tekens zoals ${p.channel} telt; ${p.channel} staat er ${p.limit} toe. Maak hem korter.`
        : `The text counts ${p.length} characters the way ${p.channel} counts; ${p.channel} allows ${p.limit}. Shorten it.`,
  },
};

export const problemMessages: Record<string, Message> = {
  ...coreMessages,
  ...mediaProblemMessages,
  ...siteProblemMessages,
  ...securityProblemMessages,
  ...importProblemMessages,
  ...inputProblemMessages,
};

export type { ProblemMessage } from './problem-message.js';

// Words for the draft_state sentence (used when a problem is answered, after this module loaded).
const draftStatus: Record<string, Record<Locale, string>> = {
  draft: { nl: 'een concept', en: 'a draft' },
  approved: { nl: 'al goedgekeurd', en: 'already approved' },
  delivered: { nl: 'al afgeleverd', en: 'already delivered' },
  rejected: { nl: 'afgewezen', en: 'rejected' },
};

const draftAction: Record<string, Record<Locale, string>> = {
  edit: { nl: 'bewerken', en: 'edited' },
  approve: { nl: 'goedkeuren', en: 'approved' },
  reject: { nl: 'afwijzen', en: 'rejected' },
};
