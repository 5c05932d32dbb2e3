import { describe, expect, it } from 'vitest';
import { detectTranscriptFormat } from './detect-transcript-format.js';
import { parseTranscript } from './parse-transcript.js';
import { TranscriptParseError } from './transcript-errors.js';

/** Runs `fn` and returns the TranscriptParseError it throws, failing the test if it throws nothing else. */
function parseError(fn: () => unknown): TranscriptParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptParseError);
    return error as TranscriptParseError;
  }
  throw new Error('expected a TranscriptParseError');
}

const vtt = `WEBVTT Kind: captions

NOTE made by hand

STYLE
::cue { color: yellow }

intro
00:00:00.000 --> 00:00:05.000 align:start
<v Jan de Vries>Welkom bij de podcast.

00:00:05.000 --> 00:00:09.500
<v.host Anna>Dank je, <i>Jan</i>.
Fijn om hier te zijn.

01:02.250 --> 01:04.000
Zonder spreker &amp; met <b>opmaak</b> &lt;3
`;

describe('parseTranscript: WebVTT', () => {
  it('reads cues, identifiers, voices, settings and entities, and skips NOTE and STYLE blocks', () => {
    const { cues, warnings, timed } = parseTranscript(vtt, 'vtt');
    expect(timed).toBe(true);
    expect(warnings).toEqual([]);
    expect(cues).toEqual([
      { startSeconds: 0, endSeconds: 5, text: 'Welkom bij de podcast.', speaker: 'Jan de Vries' },
      { startSeconds: 5, endSeconds: 9.5, text: 'Dank je, Jan.\nFijn om hier te zijn.', speaker: 'Anna' },
      { startSeconds: 62.25, endSeconds: 64, text: 'Zonder spreker & met opmaak <3' },
    ]);
  });

  it('reads a BOM and Windows line ends as if they were not there', () => {
    const plain = parseTranscript(vtt, 'vtt');
    const windows = parseTranscript(`\ufeff${vtt.replace(/\n/g, '\r\n')}`, 'vtt');
    expect(windows).toEqual(plain);
    expect(parseTranscript(vtt.replace(/\n/g, '\r'), 'vtt')).toEqual(plain);
  });

  it('keeps cues with empty text (placeholders) and a second voice in the text', () => {
    const body =
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n\n00:00:02.000 --> 00:00:04.000\n<v Jan>Ja.\n<v Piet>Nee.\n';
    const { cues, warnings } = parseTranscript(body, 'vtt');
    expect(cues).toEqual([
      { startSeconds: 0, endSeconds: 2, text: '' },
      { startSeconds: 2, endSeconds: 4, text: 'Ja.\nPiet: Nee.', speaker: 'Jan' },
    ]);
    expect(warnings).toMatchObject([{ code: 'multiple_voices', line: 5 }]);
  });

  it('removes HTML and scripts from cue text, keeping the words', () => {
    const body = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:02.000',
      '<script>alert("x")</script>Hallo <img src=x onerror=alert(1)>wereld<br>en <a href="javascript:x">link</a>',
      '<style>p{}</style><!-- stil -->tot <00:00:01.000>ziens',
      '',
    ].join('\n');
    const [cue] = parseTranscript(body, 'vtt').cues;
    expect(cue.text).toBe('Hallo wereld\nen link\ntot ziens');
  });

  it('names the line of a broken timestamp', () => {
    const body = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nEen\n\n00:00:01.000 --> 00:00:0x.000\nTwee\n';
    const error = parseError(() => parseTranscript(body, 'vtt'));
    expect(error).toMatchObject({ code: 'bad_timestamp', line: 6 });
    expect(error.problem).toContain('00:00:0x.000');
    expect(error.message).toMatch(/^line 6: /);
  });

  it('refuses 61 seconds, a missing header, a missing empty line and a cue without timing, each with its line', () => {
    expect(
      parseError(() => parseTranscript('WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nx\n', 'vtt')),
    ).toMatchObject({
      code: 'bad_timestamp',
      line: 3,
    });
    expect(parseError(() => parseTranscript('1\n00:00:01,000 --> 00:00:02,000\nx\n', 'vtt'))).toMatchObject({
      code: 'missing_header',
      line: 1,
    });
    const merged = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nEen\n00:00:01.000 --> 00:00:02.000\nTwee\n';
    expect(parseError(() => parseTranscript(merged, 'vtt'))).toMatchObject({
      code: 'missing_blank_line',
      line: 5,
    });
    expect(parseError(() => parseTranscript('WEBVTT\n\nid\nHallo\n', 'vtt'))).toMatchObject({
      code: 'missing_timing',
      line: 4,
    });
    expect(parseError(() => parseTranscript('WEBVTT\n', 'vtt'))).toMatchObject({ code: 'no_cues' });
  });
});

describe('parseTranscript: SRT', () => {
  const srt = [
    '1',
    '00:00:00,000 --> 00:00:02,760',
    "Sarah: In today's episode, <i>you'll</i> learn",
    '',
    '2',
    '00:00:02,760 --> 00:00:06,5',
    '{\\an8}whether you need a trailer.',
    '',
    '3',
    '00:00:06,500 --> 00:00:09,000 X1:100 X2:200 Y1:10 Y2:20',
    'Gillian: Hi, Q&A here.',
    '',
  ].join('\r\n');

  it('reads cues, SRT speaker names (carried to the next cards), fractions and tags', () => {
    const { cues, warnings } = parseTranscript(`\ufeff${srt}`, 'srt');
    expect(warnings).toEqual([]);
    expect(cues).toEqual([
      { startSeconds: 0, endSeconds: 2.76, text: "In today's episode, you'll learn", speaker: 'Sarah' },
      { startSeconds: 2.76, endSeconds: 6.5, text: 'whether you need a trailer.', speaker: 'Sarah' },
      { startSeconds: 6.5, endSeconds: 9, text: 'Hi, Q&A here.', speaker: 'Gillian' },
    ]);
  });

  it('does not take a time or a sentence for a speaker', () => {
    const body =
      '1\n00:00:00,000 --> 00:00:01,000\nOm 10:30 begint het.\n\n2\n00:00:01,000 --> 00:00:02,000\nDit is een hele lange zin met: een dubbele punt\n';
    expect(parseTranscript(body, 'srt').cues.map((c) => c.speaker)).toEqual([undefined, undefined]);
  });

  it('joins text after an empty line inside a cue, with a warning', () => {
    const body =
      '1\n00:00:00,000 --> 00:00:02,000\nEen\n\nnog een regel\n\n2\n00:00:02,000 --> 00:00:03,000\nTwee\n';
    const { cues, warnings } = parseTranscript(body, 'srt');
    expect(cues[0].text).toBe('Een\nnog een regel');
    expect(warnings).toMatchObject([{ code: 'text_continued', line: 5, severity: 'warning' }]);
  });

  it('names the line of a broken timestamp and of a cue number without timing', () => {
    const broken = `${srt}\r\n4\r\n00:00:09,000 -> 00:00:10,000\r\nKapot\r\n`;
    expect(parseError(() => parseTranscript(broken, 'srt'))).toMatchObject({
      code: 'missing_timing',
      line: 14,
    });
    const badTime = '1\n00:00:00,000 --> 00:00:01,000\nx\n\n2\n00:00:01,000 --> 00:0a:02,000\ny\n';
    expect(parseError(() => parseTranscript(badTime, 'srt'))).toMatchObject({
      code: 'bad_timestamp',
      line: 6,
    });
    expect(parseError(() => parseTranscript('Hallo daar\n', 'srt'))).toMatchObject({
      code: 'missing_timing',
      line: 1,
    });
  });

  it('reads WebVTT that was labelled as SRT', () => {
    expect(parseTranscript('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n', 'srt').cues).toHaveLength(1);
  });
});

describe('parseTranscript: Podcasting 2.0 JSON', () => {
  it('reads segments, fills a missing endTime from the next start, and strips markup', () => {
    const body = JSON.stringify({
      version: '1.0.0',
      segments: [
        { speaker: 'Darth <b>Vader</b>', startTime: 0.5, endTime: 0.75, body: 'I' },
        { speaker: 'Darth <b>Vader</b>', startTime: '1', body: 'am<script>x()</script>' },
        { startTime: 1.5, endTime: 2.0004, body: 'father.\n' },
      ],
    });
    expect(parseTranscript(body, 'json').cues).toEqual([
      { startSeconds: 0.5, endSeconds: 0.75, text: 'I', speaker: 'Darth Vader' },
      { startSeconds: 1, endSeconds: 1.5, text: 'am', speaker: 'Darth Vader' },
      { startSeconds: 1.5, endSeconds: 2, text: 'father.' },
    ]);
  });

  it('names the line where the JSON breaks', () => {
    const body =
      '{\n  "version": "1.0.0",\n  "segments": [\n    { "startTime": 1, "body": "a" }\n    { "startTime": 2 }\n  ]\n}\n';
    const error = parseError(() => parseTranscript(body, 'json'));
    expect(error).toMatchObject({ code: 'bad_json', line: 5 });
    expect(error.problem).toContain('expected , or ]');
    expect(parseError(() => parseTranscript('{"segments": [], }', 'json'))).toMatchObject({
      code: 'bad_json',
      line: 1,
    });
  });

  it('names the segment that has the wrong shape, and warns about a missing version', () => {
    const error = parseError(() =>
      parseTranscript('{"segments":[{"startTime":1,"body":"a"},{"body":"b"}]}', 'json'),
    );
    expect(error).toMatchObject({ code: 'bad_segment', line: null, params: { segment: 2 } });
    expect(parseError(() => parseTranscript('[1, 2]', 'json'))).toMatchObject({ code: 'bad_structure' });
    expect(parseTranscript('{"segments":[{"startTime":1,"body":"a"}]}', 'json').warnings).toMatchObject([
      { code: 'missing_version' },
    ]);
  });
});

describe('parseTranscript: plain text', () => {
  it('makes one untimed cue per paragraph and flags the transcript as untimed', () => {
    const body =
      '\ufeffJan: Welkom bij de podcast.\r\nVandaag over inspraak.\r\n\r\n\r\nAnna: Dank je.\r\n\r\n<p>Einde</p>\r\n';
    const { cues, warnings, timed, cueLines } = parseTranscript(body, 'text');
    expect(timed).toBe(false);
    expect(cues).toEqual([
      {
        startSeconds: 0,
        endSeconds: 0,
        text: 'Welkom bij de podcast.\nVandaag over inspraak.',
        speaker: 'Jan',
      },
      { startSeconds: 0, endSeconds: 0, text: 'Dank je.', speaker: 'Anna' },
      { startSeconds: 0, endSeconds: 0, text: 'Einde' },
    ]);
    expect(cueLines).toEqual([1, 5, 7]);
    expect(warnings).toMatchObject([{ code: 'untimed', severity: 'warning' }]);
  });
});

describe('detectTranscriptFormat', () => {
  it('maps the content types of the API', () => {
    expect(detectTranscriptFormat('text/vtt; charset=utf-8', '')).toBe('vtt');
    expect(detectTranscriptFormat('application/x-subrip', '')).toBe('srt');
    expect(detectTranscriptFormat('text/srt', '')).toBe('srt');
    expect(detectTranscriptFormat('application/json', '')).toBe('json');
    expect(detectTranscriptFormat('text/plain', 'Hallo')).toBe('text');
    expect(detectTranscriptFormat('image/png', '')).toBeNull();
  });

  it('looks at the body when the type says only "text" or nothing', () => {
    expect(detectTranscriptFormat('text/plain', '\ufeffWEBVTT\r\n\r\n')).toBe('vtt');
    expect(detectTranscriptFormat(undefined, '1\r\n00:00:01,000 --> 00:00:02,000\r\nx')).toBe('srt');
    expect(detectTranscriptFormat('application/octet-stream', ' {"segments": []}')).toBe('json');
    expect(detectTranscriptFormat('', 'Jan: hallo')).toBe('text');
  });
});
