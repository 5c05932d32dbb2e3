import type { Labels } from './labels.js';

/** "1:02:03" or "2:03": how people write a moment in an episode (the player script writes the same). */
export function clockTime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "1 minuut 5 seconden": what a screen reader should say instead of "1:05". */
export function spokenTime(seconds: number, labels: Labels): string {
  const total = Math.max(0, Math.floor(seconds));
  const parts: [number, string, string][] = [
    [Math.floor(total / 3600), labels.hour, labels.hours],
    [Math.floor(total / 60) % 60, labels.minute, labels.minutes],
    [total % 60, labels.second, labels.seconds],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return said.length ? said.join(' ') : `0 ${labels.seconds}`;
}

/** ISO 8601 duration for JSON-LD and <time datetime>. */
export function isoDuration(seconds: number): string {
  return `PT${Math.max(0, Math.round(seconds))}S`;
}

/**
 * `?t=` as people write it: `90`, `90.5`, `1:30`, `1:02:03`, `1m30s`, `1h2m3s`. Anything else is
 * ignored (null), never an error: a bad share link still plays from the start.
 */
export function parseStartTime(value: string | undefined, duration: number): number | null {
  if (!value) return null;
  let seconds: number | null = null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?s?$/.test(trimmed)) seconds = Number.parseFloat(trimmed);
  else if (/^\d+(:\d{1,2}){1,2}$/.test(trimmed)) {
    seconds = trimmed.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  } else {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
    if (match && trimmed !== '')
      seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  }
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  return duration > 0 ? Math.min(seconds, duration) : seconds;
}

/** A date as the page's language writes it: "3 maart 2026". */
export function longDate(iso: string | null, labels: Labels): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(labels.lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
