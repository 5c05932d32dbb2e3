import { describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_BYTES, parseTranscript } from './parse-transcript.js';
import { TranscriptParseError } from './transcript-errors.js';

/** Runs `fn` and returns the TranscriptParseError it throws. */
function parseError(fn: () => unknown): TranscriptParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptParseError);
    return error as TranscriptParseError;
  }
  throw new Error('expected a TranscriptParseError');
}

describe('parseTranscript: hostile input', () => {
  it('refuses 50 MB of text quickly, before reading it', () => {
    const huge = 'a'.repeat(50 * 1024 * 1024);
    const error = parseError(() => parseTranscript(huge, 'text'));
    expect(error).toMatchObject({ code: 'too_large', line: null });
  });

  it('counts bytes, not characters: 4 MB of emoji is over 10 MB of UTF-8', () => {
    const emoji = '🎙'.repeat(3 * 1024 * 1024); // 4 bytes each in UTF-8
    expect(parseError(() => parseTranscript(emoji, 'text'))).toMatchObject({ code: 'too_large' });
    expect(MAX_TRANSCRIPT_BYTES).toBe(10 * 1024 * 1024);
  });

  it('parses a large but allowed file (60 000 cues) in reasonable time', () => {
    const blocks: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      blocks.push(
        `${i + 1}\n00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},000 --> 00:00:00,500\nCue <i>${i}</i> &amp; more\n`,
      );
    }
    const { cues } = parseTranscript(blocks.join('\n'), 'srt');
    expect(cues).toHaveLength(60_000);
  });

  it('refuses binary and UTF-16 text with a hint', () => {
    expect(parseError(() => parseTranscript('W\u0000E\u0000B\u0000', 'vtt'))).toMatchObject({
      code: 'not_text',
      line: 1,
    });
    expect(parseError(() => parseTranscript(' \n\t\n', 'text'))).toMatchObject({ code: 'empty' });
  });

  it('keeps error messages short when the broken line is huge', () => {
    const body = `WEBVTT\n\n00:00:00.000 --> ${'9'.repeat(100_000)}\nx\n`;
    const error = parseError(() => parseTranscript(body, 'vtt'));
    expect(error.problem.length).toBeLessThan(200);
  });
});

describe('parseTranscript: patterns that could backtrack', () => {
  it('reads a huge cue of unclosed tags and override blocks in linear time', () => {
    const nasty = `${'<v a'.repeat(200_000)}${'{\\'.repeat(200_000)}${'<i a=b'.repeat(100_000)}${'&#x'.repeat(100_000)}`;
    const { cues } = parseTranscript(`WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${nasty}\n`, 'vtt');
    expect(cues).toHaveLength(1);
  });
});
