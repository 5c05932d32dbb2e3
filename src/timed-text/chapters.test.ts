import { describe, expect, it } from 'vitest';
import { parseChapters, toChaptersJson, validateChapters } from './chapters.js';
import { TranscriptParseError } from './transcript-errors.js';

function parseError(fn: () => unknown): TranscriptParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptParseError);
    return error as TranscriptParseError;
  }
  throw new Error('expected a TranscriptParseError');
}

describe('parseChapters: plain lines', () => {
  it('reads the ways podcasters write chapter lists', () => {
    const body =
      '\ufeff00:00 Intro\r\n12:30 - Interview met <b>de wethouder</b>\r\n\r\n[1:02:03] Slot\r\n1:05:00\r\n75:10 – Nog iets\r\n';
    const { chapters, warnings } = parseChapters(body, 'text/plain; charset=utf-8');
    expect(warnings).toEqual([]);
    expect(chapters).toEqual([
      { startTime: 0, title: 'Intro' },
      { startTime: 750, title: 'Interview met de wethouder' },
      { startTime: 3723, title: 'Slot' },
      { startTime: 3900 },
      { startTime: 4510, title: 'Nog iets' },
    ]);
  });

  it('names the line that is not a chapter', () => {
    const error = parseError(() => parseChapters('00:00 Intro\n\nInterview\n', 'text/plain'));
    expect(error).toMatchObject({ code: 'bad_chapter', line: 3 });
    // A missing space must not turn "1:02:03Slot" into a chapter at 1:02 called "03Slot".
    expect(parseError(() => parseChapters('00:00 Intro\n1:02:03Slot', 'text/plain'))).toMatchObject({
      line: 2,
    });
    expect(parseError(() => parseChapters('00:00 Intro\n1:75:00 Slot', 'text/plain'))).toMatchObject({
      code: 'bad_chapter',
      line: 2,
    });
  });
});

describe('parseChapters: JSON', () => {
  const json = {
    version: '1.2.0',
    chapters: [
      { startTime: 0, title: 'Intro' },
      {
        startTime: 168,
        title: 'Hearing <i>Aids</i>',
        img: 'https://example.com/a.jpg',
        url: 'javascript:alert(1)',
      },
      { startTime: '260.5', endTime: 300, toc: false, location: { name: 'Utrecht', geo: 'geo:52.09,5.12' } },
    ],
  };

  it('reads chapters, drops non-web URLs with a warning, and sniffs JSON without a type', () => {
    const { chapters, warnings } = parseChapters(JSON.stringify(json), 'application/json+chapters');
    expect(chapters).toEqual([
      { startTime: 0, title: 'Intro' },
      { startTime: 168, title: 'Hearing Aids', img: 'https://example.com/a.jpg' },
      { startTime: 260.5, endTime: 300, toc: false, location: { name: 'Utrecht', geo: 'geo:52.09,5.12' } },
    ]);
    expect(warnings).toMatchObject([{ code: 'unsafe_url_dropped', index: 1, params: { field: 'url' } }]);
    expect(parseChapters(JSON.stringify(json), undefined).chapters).toEqual(chapters);
  });

  it('round-trips through toChaptersJson', () => {
    const { chapters } = parseChapters(JSON.stringify(json), 'application/json');
    const out = toChaptersJson(chapters, { title: 'Aflevering 1' });
    expect(out.version).toBe('1.2.0');
    expect(out.title).toBe('Aflevering 1');
    expect(parseChapters(JSON.stringify(out), 'application/json').chapters).toEqual(chapters);
    const plain = parseChapters('00:00 Intro\n12:30 Interview', 'text/plain').chapters;
    expect(toChaptersJson(plain)).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Intro' },
        { startTime: 750, title: 'Interview' },
      ],
    });
  });

  it('names the line of broken JSON and the chapter of a wrong value', () => {
    expect(
      parseError(() => parseChapters('{\n "chapters": [\n  {"startTime": 0,}\n ]\n}', 'application/json')),
    ).toMatchObject({
      code: 'bad_json',
      line: 3,
    });
    expect(
      parseError(() => parseChapters('{"chapters": [{"title": "x"}]}', 'application/json')),
    ).toMatchObject({
      code: 'bad_chapter',
      params: { chapter: 1 },
    });
    expect(
      parseError(() => parseChapters('{"chapters": [{"startTime": 1, "toc": "no"}]}', 'application/json')),
    ).toMatchObject({
      code: 'bad_chapter',
    });
    expect(parseError(() => parseChapters('{"version": "1.2"}', 'application/json'))).toMatchObject({
      code: 'bad_structure',
    });
  });

  it('refuses an absurd chapter file quickly', () => {
    expect(parseError(() => parseChapters('0'.repeat(5 * 1024 * 1024), 'text/plain'))).toMatchObject({
      code: 'too_large',
    });
  });
});

describe('validateChapters', () => {
  it('accepts increasing chapters inside the audio', () => {
    expect(
      validateChapters([{ startTime: 0 }, { startTime: 10, endTime: 20 }, { startTime: 20 }], 60),
    ).toEqual([]);
  });

  it('reports chapters past the end, not increasing, ending before they start, and a late first chapter', () => {
    const problems = validateChapters(
      [
        { startTime: 5 },
        { startTime: 5, title: 'Dubbel' },
        { startTime: 30, endTime: 20 },
        { startTime: 61 },
        { startTime: 50, endTime: 70 },
      ],
      60,
    );
    expect(problems.map((p) => [p.code, p.severity, p.index])).toEqual([
      ['chapter_not_increasing', 'error', 1],
      ['chapter_end_before_start', 'error', 2],
      ['chapter_beyond_duration', 'error', 3],
      ['chapter_beyond_duration', 'error', 4],
      ['chapter_not_increasing', 'error', 4],
      ['first_chapter_not_at_start', 'warning', 0],
    ]);
    expect(problems[0].message).toContain('"Dubbel"');
  });
});
