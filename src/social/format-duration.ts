import type { Language } from './templates.js';

/**
 * "45 min" / "1 uur 5 min" (nl) or "1 h 5 min" (en), rounded to the minute; empty when the
 * duration is unknown, so the template line that shows it is left out.
 */
export function formatDuration(seconds: number | null | undefined, language: Language): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return '';
  const minutes = Math.max(1, Math.round(seconds / 60));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  const unit = language === 'nl' ? 'uur' : 'h';
  return rest === 0 ? `${hours} ${unit}` : `${hours} ${unit} ${rest} min`;
}
