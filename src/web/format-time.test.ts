import { describe, expect, it } from 'vitest';
import { clockTime, parseStartTime, spokenTime } from './format-time.js';
import { labelsFor } from './labels.js';

describe('time formats', () => {
  it('writes clock times as people do', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(65.9)).toBe('1:05');
    expect(clockTime(3723)).toBe('1:02:03');
  });

  it('says times in words, in Dutch and English', () => {
    const nl = labelsFor(undefined, 'nl');
    expect(spokenTime(65, nl)).toBe('1 minuut 5 seconden');
    expect(spokenTime(3600, nl)).toBe('1 uur');
    expect(spokenTime(0, nl)).toBe('0 seconden');
    expect(spokenTime(121, labelsFor('en', 'nl'))).toBe('2 minutes 1 second');
  });

  it('reads ?t= in every common form and ignores the rest', () => {
    expect(parseStartTime('90', 600)).toBe(90);
    expect(parseStartTime('90s', 600)).toBe(90);
    expect(parseStartTime('12.5', 600)).toBe(12.5);
    expect(parseStartTime('1:30', 600)).toBe(90);
    expect(parseStartTime('1:02:03', 9000)).toBe(3723);
    expect(parseStartTime('1m30s', 600)).toBe(90);
    expect(parseStartTime('1h', 9000)).toBe(3600);
    expect(parseStartTime('9999', 600)).toBe(600);
    for (const bad of [undefined, '', 'abc', '-5', '0', '1:2:3:4', 'm', '1e9'])
      expect(parseStartTime(bad, 600)).toBeNull();
  });
});
