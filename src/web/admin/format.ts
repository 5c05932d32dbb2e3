type Locale = 'nl' | 'en';

const zone = 'Europe/Amsterdam';

// Made once: building an Intl formatter costs more than formatting a whole table row with it.
const dateTimes: Readonly<Record<Locale, Intl.DateTimeFormat>> = Object.freeze({
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
});

/** "1 dec. 2026 14:05" (nl-NL) or "1 Dec 2026, 14:05" (en-GB), in Dutch time. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return dateTimes[locale].format(new Date(iso));
}

/** "−16,1" in Dutch style (a real minus sign and a decimal comma). */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(value)
    .replace('-', '−');
}

/** 3725 → "1:02:05"; 65.5 → "1:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The value of an <input type="datetime-local"> for an instant, in Dutch time. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return parts.replace(' ', 'T');
}

/** An <input type="datetime-local"> value read as Dutch time; null when it is not one. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The offset of Amsterdam at that moment (CET +1 or CEST +2), found by formatting the guess.
  const shown = toLocalInput(new Date(guess).toISOString());
  const [sy, smo, sd, sh, smi] = shown.split(/[-T:]/).map(Number);
  const offset = Date.UTC(sy, smo - 1, sd, sh, smi) - guess;
  return new Date(guess - offset).toISOString();
}
