/**
 * The `rrule` of podcast:updateFrequency: an iCalendar recurrence rule (RFC 5545 §3.3.10), such
 * as `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`. Apps compute the next expected episode from it, so a rule
 * they cannot read is worse than none: it is refused with the reason rather than published.
 */

const WEEKDAY = '(MO|TU|WE|TH|FR|SA|SU)';
const FREQUENCIES = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** RFC 5545's UNTIL (`20231231`, `20231231T000000Z`) or ISO 8601, as the namespace's own example writes it. */
const UNTIL_DATE = /^(\d{8}|\d{4}-\d{2}-\d{2})$/;
const UNTIL_DATE_TIME =
  /^(\d{8}T\d{6}Z?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)$/;

function numberList(min: number, max: number, signed: boolean) {
  return (value: string) =>
    value.split(',').every((part) => {
      if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(part)) return false;
      const n = Math.abs(Number(part));
      return n >= min && n <= max;
    });
}

/** Each part's name and a test of its value. */
const parts: Record<string, (value: string) => boolean> = {
  FREQ: (value) => FREQUENCIES.includes(value),
  UNTIL: (value) => UNTIL_DATE.test(value) || UNTIL_DATE_TIME.test(value),
  COUNT: (value) => /^[1-9]\d{0,5}$/.test(value),
  INTERVAL: (value) => /^[1-9]\d{0,5}$/.test(value),
  BYSECOND: numberList(0, 60, false),
  BYMINUTE: numberList(0, 59, false),
  BYHOUR: numberList(0, 23, false),
  BYDAY: (value) =>
    value.split(',').every((day) => {
      const match = new RegExp(`^([+-]?)(\\d{1,2})?${WEEKDAY}$`).exec(day);
      return match !== null && (match[2] === undefined || (Number(match[2]) >= 1 && Number(match[2]) <= 53));
    }),
  BYMONTHDAY: numberList(1, 31, true),
  BYYEARDAY: numberList(1, 366, true),
  BYWEEKNO: numberList(1, 53, true),
  BYMONTH: numberList(1, 12, false),
  BYSETPOS: numberList(1, 366, true),
  WKST: (value) => new RegExp(`^${WEEKDAY}$`).test(value),
};

/** What is wrong with a recurrence rule, in a sentence; null when apps can read it. */
export function recurrenceRuleProblem(rule: string): string | null {
  if (rule.trim() === '') return 'the rule is empty';
  const seen = new Set<string>();
  for (const part of rule.split(';')) {
    const [name, value, ...rest] = part.split('=');
    if (!name || value === undefined || rest.length > 0 || value === '') return `"${part}" is not NAME=VALUE`;
    const test = parts[name];
    if (!test) return `${name} is not a part of a recurrence rule (RFC 5545)`;
    if (seen.has(name)) return `${name} appears twice`;
    seen.add(name);
    if (!test(value)) return `${value} is not a valid ${name}`;
  }
  if (!seen.has('FREQ')) return 'FREQ is required (for example FREQ=WEEKLY)';
  if (seen.has('UNTIL') && seen.has('COUNT')) return 'UNTIL and COUNT cannot both be given';
  return null;
}

/** The rule's UNTIL, if it has one (for the dtstart checks of podcast:updateFrequency). */
export function recurrenceRuleUntil(rule: string): string | null {
  const part = rule.split(';').find((p) => p.startsWith('UNTIL='));
  return part ? part.slice('UNTIL='.length) : null;
}

export function recurrenceRuleHasCount(rule: string): boolean {
  return rule.split(';').some((p) => p.startsWith('COUNT='));
}

/** A date-only value (`2026-09-01`, `20260901`) as opposed to a date with a time. */
export function isDateOnly(value: string): boolean {
  return UNTIL_DATE.test(value);
}
