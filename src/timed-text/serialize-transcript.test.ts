import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.js';
import { parseTranscript } from './parse-transcript.js';
import { toHtml, toPodcastJson, toSrt, toVtt } from './serialize-transcript.js';

const srt = [
  '1',
  '00:00:00,000 --> 00:00:02,760',
  "Sarah: In today's episode, <i>you'll</i> learn",
  'whether you need a trailer.',
  '',
  '2',
  '00:00:02,760 --> 00:00:06,090',
  'And if so, what should it hold? Q&A',
  '',
  '3',
  '00:00:06,090 --> 00:00:11,610',
  'Gillian: a < b && c > d --> e',
  '',
  '4',
  '01:00:06,001 --> 01:00:09,999',
  '',
].join('\n');

describe('round trips', () => {
  const cues = parseTranscript(srt, 'srt').cues;

  it('SRT → cues → VTT → cues gives the same cues', () => {
    expect(cues).toHaveLength(4);
    expect(cues[2]).toEqual({
      startSeconds: 6.09,
      endSeconds: 11.61,
      text: 'a < b && c > d --> e',
      speaker: 'Gillian',
    });
    const vtt = toVtt(cues);
    expect(parseTranscript(vtt, 'vtt').cues).toEqual(cues);
  });

  it('cues → SRT → cues and cues → JSON → cues give the same cues', () => {
    expect(parseTranscript(toSrt(cues), 'srt').cues).toEqual(cues);
    const json = JSON.stringify(toPodcastJson(cues));
    expect(parseTranscript(json, 'json').cues).toEqual(cues);
  });

  it('JSON → cues → JSON gives the same document', () => {
    const doc = {
      version: '1.0.0',
      segments: [
        { speaker: 'Darth Vader', startTime: 0.5, endTime: 0.75, body: 'I' },
        { speaker: 'Darth Vader', startTime: 1, endTime: 1.25, body: 'am < your' },
        { startTime: 1.5, endTime: 2, body: 'father & son' },
      ],
    };
    const parsed = parseTranscript(JSON.stringify(doc), 'json').cues;
    expect(toPodcastJson(parsed)).toEqual(doc);
    expect(parseTranscript(toVtt(parsed), 'vtt').cues).toEqual(parsed);
  });

  it('keeps empty placeholder cues and odd millisecond times through every format', () => {
    const empty: Cue[] = [
      { startSeconds: 0.001, endSeconds: 29.999, text: '' },
      { startSeconds: 29.999, endSeconds: 3600.5, text: '' },
    ];
    expect(parseTranscript(toVtt(empty), 'vtt').cues).toEqual(empty);
    expect(parseTranscript(toSrt(empty), 'srt').cues).toEqual(empty);
    expect(parseTranscript(JSON.stringify(toPodcastJson(empty)), 'json').cues).toEqual(empty);
  });
});

describe('toVtt', () => {
  it('writes voices and escapes markup, so cue text can never become tags', () => {
    const vtt = toVtt([
      { startSeconds: 1, endSeconds: 2.5, text: '<script>alert(1)</script> & "x"', speaker: 'Jan <b>' },
      { startSeconds: 3723.004, endSeconds: 3724, text: 'Regel een\nRegel twee' },
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\n' +
        '00:00:01.000 --> 00:00:02.500\n<v Jan &lt;b&gt;>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"\n\n' +
        '01:02:03.004 --> 01:02:04.000\nRegel een\nRegel twee\n',
    );
  });
});

describe('toSrt', () => {
  it('numbers cues, uses commas, and names a speaker where the speaker changes', () => {
    const out = toSrt([
      { startSeconds: 0, endSeconds: 1, text: 'Hallo.', speaker: 'Jan' },
      { startSeconds: 1, endSeconds: 2, text: 'Nog iets.', speaker: 'Jan' },
      { startSeconds: 2, endSeconds: 3, text: 'Dag <Jan>.', speaker: 'Anna' },
    ]);
    expect(out).toBe(
      '1\n00:00:00,000 --> 00:00:01,000\nJan: Hallo.\n\n' +
        '2\n00:00:01,000 --> 00:00:02,000\nNog iets.\n\n' +
        '3\n00:00:02,000 --> 00:00:03,000\nAnna: Dag &lt;Jan&gt;.\n',
    );
  });
});

describe('toPodcastJson', () => {
  it('writes version 1.0.0 and a speaker only where there is one', () => {
    expect(
      toPodcastJson([
        { startSeconds: 0, endSeconds: 1.5, text: 'Hoi', speaker: 'Jan' },
        { startSeconds: 1.5, endSeconds: 2, text: 'Ja' },
      ]),
    ).toEqual({
      version: '1.0.0',
      segments: [
        { speaker: 'Jan', startTime: 0, endTime: 1.5, body: 'Hoi' },
        { startTime: 1.5, endTime: 2, body: 'Ja' },
      ],
    });
  });
});

describe('toHtml', () => {
  const cues: Cue[] = [
    { startSeconds: 0, endSeconds: 4.25, text: 'Welkom <script>x</script> & "hallo"', speaker: 'SPEAKER_1' },
    { startSeconds: 4.25, endSeconds: 8, text: 'Tweede\nregel', speaker: 'SPEAKER_1' },
    { startSeconds: 3725, endSeconds: 3726, text: 'Dank je.', speaker: 'Anna' },
  ];

  it('is a labelled section with a paragraph per cue, times, data attributes and mapped speakers', () => {
    const html = toHtml(cues, {
      speakers: { SPEAKER_1: 'Jan de Vries, wethouder' },
      label: 'Uitgeschreven tekst',
      lang: 'nl',
    });
    expect(html).toBe(
      '<section class="transcript" aria-label="Uitgeschreven tekst" lang="nl">\n' +
        '<p data-start="0" data-end="4.25"><time datetime="PT0S">0:00</time> <span class="speaker">Jan de Vries, wethouder:</span> Welkom &lt;script&gt;x&lt;/script&gt; &amp; &quot;hallo&quot;</p>\n' +
        '<p data-start="4.25" data-end="8"><time datetime="PT4.25S">0:04</time> Tweede<br>regel</p>\n' +
        '<p data-start="3725" data-end="3726"><time datetime="PT3725S">1:02:05</time> <span class="speaker">Anna:</span> Dank je.</p>\n' +
        '</section>\n',
    );
  });

  it('escapes attributes and unknown speakers, and leaves times out for untimed text', () => {
    const html = toHtml([{ startSeconds: 0, endSeconds: 0, text: 'Tekst', speaker: '<img src=x>' }], {
      label: '"><script>',
      speakers: { toString: 'nee' },
    });
    expect(html).toBe(
      '<section class="transcript" aria-label="&quot;&gt;&lt;script&gt;">\n' +
        '<p><span class="speaker">&lt;img src=x&gt;:</span> Tekst</p>\n' +
        '</section>\n',
    );
    expect(html).not.toContain('<script>');
  });
});
