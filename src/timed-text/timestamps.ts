import { clip } from './source-text.js';

/**
 * Clock times as transcripts and chapter lists write them: `[h:]mm:ss[.mmm]`. Lenient where the
 * meaning is unambiguous (a comma or a dot before the fraction, one to three fraction digits, no
 * hours with minutes past 59 as in `75:00`), strict where a typo would silently shift text (seconds
 * and minutes beside hours must be below 60).
 */
const CLOCK = /^(?:(\d{1,5}):)?(\d{1,4}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

export type ClockResult = { ok: true; seconds: number } | { ok: false; why: string };

export function parseClock(raw: string): ClockResult {
  const match = CLOCK.exec(raw);
  if (!match) {
    return {
      ok: false,
      why: `"${clip(raw)}" is not a time; write it as hh:mm:ss.mmm, for example 00:01:02.500`,
    };
  }
  const [, h, m, s, f] = match;
  const minutes = Number(m);
  const secs = Number(s);
  if (secs > 59) return { ok: false, why: `"${clip(raw)}" has ${secs} seconds; seconds go up to 59` };
  if (h !== undefined && minutes > 59) {
    return { ok: false, why: `"${clip(raw)}" has ${minutes} minutes; with hours, minutes go up to 59` };
  }
  // A fraction is a decimal fraction: ",5" is half a second, not 5 ms (a bug of several SRT parsers).
  const ms = f === undefined ? 0 : Number(f.padEnd(3, '0'));
  // Integer milliseconds first, so equal text always gives the same float.
  const totalMs = ((Number(h ?? 0) * 60 + minutes) * 60 + secs) * 1000 + ms;
  return { ok: true, seconds: totalMs / 1000 };
}

/** `hh:mm:ss.mmm` (WebVTT) or `hh:mm:ss,mmm` (SRT); hours grow past two digits when needed. */
export function formatClock(seconds: number, separator: '.' | ','): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = (totalMs - ms) / 1000;
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms, 3)}`;
}

/** Seconds rounded to the millisecond, the precision every format here can carry. */
export function toMillisecond(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
