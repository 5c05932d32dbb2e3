import { describe, expect, it } from 'vitest';
import { byteThreshold, CoveredRanges, id3TagSize } from './byte-coverage.js';
import { countDownloads, type ServedRequest } from './count-downloads.js';
import { isoWeek, periodsBetween } from './report-periods.js';

const hour = 3600_000;
// A one-hour file at 16 000 bytes a second after a 1 000-byte ID3 tag.
const threshold = () => byteThreshold({ size: 1000 + 16_000 * 3600, durationSeconds: 3600, id3Size: 1000 });
const size = 1000 + 16_000 * 3600;
const get = (at: number, start: number, end: number, extra: Partial<ServedRequest> = {}): ServedRequest => ({
  ...{ at, method: 'GET', status: 206, rangeStart: start, rangeEnd: end, fileSize: size },
  ...extra,
});

describe('countDownloads', () => {
  it('needs a minute of audio after the tag; overlaps count once', () => {
    expect(countDownloads([get(0, 0, 1000 + 59 * 16_000)], threshold)).toEqual([]);
    expect(countDownloads([get(0, 1000, 1000 + 60 * 16_000 - 1)], threshold)).toEqual([0]);
    // 40 s twice over the same bytes is still 40 s.
    expect(countDownloads([get(0, 1000, 1000 + 640_000), get(1, 1000, 1000 + 640_000)], threshold)).toEqual(
      [],
    );
    expect(
      countDownloads([get(0, 1000, 1000 + 640_000), get(5, 1000 + 640_001, 1000 + 1_280_000)], threshold),
    ).toEqual([5]);
  });

  it('never counts HEAD, 304, 416 or a two-byte probe', () => {
    const whole = { rangeStart: 0, rangeEnd: size - 1 };
    expect(
      countDownloads(
        [
          get(0, 0, 1),
          get(1, 0, size - 1, { method: 'HEAD', status: 200 }),
          get(2, 0, 0, { status: 304, rangeStart: null, rangeEnd: null }),
          get(3, 0, 0, { status: 416, rangeStart: null, rangeEnd: null, ...{} }),
        ],
        threshold,
      ),
    ).toEqual([]);
    expect(countDownloads([get(0, 0, size - 1, { status: 302, ...whole })], threshold)).toEqual([0]);
  });

  it('counts once per rolling 24 hours from the first request', () => {
    const whole = (at: number) => get(at, 0, size - 1, { status: 200 });
    expect(
      countDownloads([whole(0), whole(23 * hour), whole(24 * hour), whole(30 * hour)], threshold),
    ).toEqual([0, 24 * hour]);
  });

  it('asks for the whole file when it is shorter than a minute', () => {
    const short = byteThreshold({ size: 10_000, durationSeconds: 40, id3Size: 100 });
    expect(short.needed).toBe(9_900);
    expect(countDownloads([get(0, 0, 9_998, { fileSize: 10_000 })], () => short)).toEqual([]);
    expect(countDownloads([get(0, 0, 9_999, { fileSize: 10_000 })], () => short)).toEqual([0]);
  });
});

describe('byte coverage', () => {
  it('merges touching and overlapping ranges', () => {
    const ranges = new CoveredRanges();
    ranges.add({ start: 10, end: 19 });
    ranges.add({ start: 30, end: 39 });
    ranges.add({ start: 20, end: 29 });
    ranges.add({ start: 0, end: 4 });
    expect(ranges.coveredFrom(0)).toBe(35);
    expect(ranges.coveredFrom(15)).toBe(25);
  });

  it('reads the ID3v2 tag size (syncsafe, footer) and nothing from other files', () => {
    expect(id3TagSize(Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0x02, 0x01]))).toBe(10 + 257);
    expect(id3TagSize(Buffer.from([0x49, 0x44, 0x33, 4, 0, 0x10, 0, 0, 0, 0x10]))).toBe(10 + 16 + 10);
    expect(id3TagSize(Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0]))).toBe(0);
  });
});

describe('report periods', () => {
  it('numbers ISO weeks by their Thursday and fills empty periods', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(periodsBetween('2026-01-30', '2026-03-02', 'month').map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(periodsBetween('2026-03-01', '2026-03-03', 'day')).toHaveLength(3);
  });
});
