import { describe, expect, it } from 'vitest';
import { rfc2822 } from './rfc2822.js';

describe('rfc2822', () => {
  it('writes what Date#toUTCString writes', () => {
    const dates = [
      Date.UTC(2019, 5, 15, 19, 0, 0),
      Date.UTC(2025, 0, 1, 0, 0, 0, 999),
      Date.UTC(2024, 1, 29, 23, 59, 59),
      Date.UTC(1000, 0, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59),
      Date.UTC(999, 11, 31, 23, 59, 59),
      Date.UTC(10_000, 0, 1),
      Date.UTC(-5, 0, 1),
      -1,
      0,
    ];
    // Every day of a year and a half, at a time that moves through hours, minutes and seconds.
    for (let day = 0; day < 550; day++) dates.push(Date.UTC(2023, 6, 1) + day * 86_400_000 + day * 3_671_001);
    for (const time of dates) expect(rfc2822(new Date(time))).toBe(new Date(time).toUTCString());
  });

  it('refuses an invalid date', () => {
    expect(() => rfc2822(new Date('nope'))).toThrow(RangeError);
  });
});
