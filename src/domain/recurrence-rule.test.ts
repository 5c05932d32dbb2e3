import { describe, expect, it } from 'vitest';
import { recurrenceRuleProblem } from './recurrence-rule.js';

describe('recurrenceRuleProblem', () => {
  it('accepts the rules of the namespace examples and RFC 5545', () => {
    for (const rule of [
      'FREQ=DAILY',
      'FREQ=WEEKLY;INTERVAL=2',
      'FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=WEEKLY;BYDAY=FR;BYMONTHDAY=13',
      'FREQ=YEARLY;BYDAY=+4TH;BYMONTH=11',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10',
      'FREQ=WEEKLY;UNTIL=2023-12-31T00:00:00.000Z;BYDAY=MO',
      'FREQ=MONTHLY;UNTIL=20261231T235959Z;BYDAY=-1FR',
      'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR;WKST=MO',
      'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;UNTIL=20270101',
    ]) {
      expect(recurrenceRuleProblem(rule), rule).toBeNull();
    }
  });

  it('says what is wrong with a rule apps could not read', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['WEEKLY', /NAME=VALUE/],
      ['FREQ=WEEKLY;', /NAME=VALUE/],
      ['INTERVAL=2', /FREQ is required/],
      ['FREQ=FORTNIGHTLY', /FORTNIGHTLY is not a valid FREQ/],
      ['FREQ=WEEKLY;FREQ=DAILY', /FREQ appears twice/],
      ['FREQ=WEEKLY;BYDAY=MONDAY', /MONDAY is not a valid BYDAY/],
      ['FREQ=WEEKLY;BYDAY=54MO', /is not a valid BYDAY/],
      ['FREQ=MONTHLY;BYMONTHDAY=32', /32 is not a valid BYMONTHDAY/],
      ['FREQ=WEEKLY;INTERVAL=0', /0 is not a valid INTERVAL/],
      ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', /UNTIL and COUNT/],
      ['FREQ=WEEKLY;UNTIL=next-year', /next-year is not a valid UNTIL/],
      ['FREQ=WEEKLY;EVERY=2', /EVERY is not a part/],
      ['FREQ=WEEKLY;BYDAY=MO=TU', /NAME=VALUE/],
    ];
    for (const [rule, reason] of cases) {
      expect(recurrenceRuleProblem(rule), rule).toMatch(reason);
    }
  });
});
