import type { Language } from './templates.js';

export interface Guest {
  name: string;
  role?: string | null;
  organisation?: string | null;
}

export interface GuestOptions {
  /** Leave out role and organisation, the first thing to go when a draft is too long. */
  namesOnly?: boolean;
  /** Name only the first `max` guests and end with "en anderen" / "and others". */
  max?: number;
}

const others: Record<Language, string> = { nl: 'anderen', en: 'others' };

/**
 * "Jan Jansen (wethouder, gemeente Utrecht) en Fatima el Amrani", joined the way the
 * language joins lists. Expects cleaned guests; those without a name are skipped.
 */
export function formatGuests(
  guests: readonly Guest[],
  language: Language,
  options: GuestOptions = {},
): string {
  const named = guests.filter((guest) => guest.name);
  const max = Math.max(0, Math.min(options.max ?? named.length, named.length));
  const parts = named.slice(0, max).map((guest) => {
    if (options.namesOnly) return guest.name;
    const details = [guest.role, guest.organisation].filter(Boolean).join(', ');
    return details ? `${guest.name} (${details})` : guest.name;
  });
  if (parts.length === 0) return '';
  if (max < named.length) parts.push(others[language]);
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
}
