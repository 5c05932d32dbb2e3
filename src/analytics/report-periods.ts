/** Calendar arithmetic on UTC days written YYYY-MM-DD (the days downloads are counted in). */

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday that starts a day's ISO week. */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** ISO 8601 week key, e.g. 2026-W09 (the year is the one its Thursday falls in). */
export function isoWeek(day: string): string {
  const thursday = addDays(weekStart(day), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type Period = 'day' | 'week' | 'month';

/** Every period from `from` to `to` in order, with its key and label, so empty ones show as 0. */
export function periodsBetween(from: string, to: string, period: Period): { key: string; label: string }[] {
  const list: { key: string; label: string }[] = [];
  if (period === 'day') {
    for (let day = from; day <= to; day = addDays(day, 1)) list.push({ key: day, label: day });
  } else if (period === 'week') {
    for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7))
      list.push({ key: isoWeek(monday), label: `${monday} – ${addDays(monday, 6)}` });
  } else {
    let month = from.slice(0, 7);
    while (month <= to.slice(0, 7)) {
      list.push({ key: month, label: month });
      const [y, m] = month.split('-').map(Number);
      month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    }
  }
  return list;
}

export function periodKey(day: string, period: Period): string {
  if (period === 'day') return day;
  if (period === 'week') return isoWeek(day);
  return day.slice(0, 7);
}

/** The median of a list of numbers (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
