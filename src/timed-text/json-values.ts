import { locateJsonError } from './locate-json-error.js';
import { toMillisecond } from './timestamps.js';
import { type Problem, TranscriptParseError } from './transcript-errors.js';

/** What the transcript and chapter JSON readers share: parsing with a line on error, and lenient values. */

/** JSON.parse, with the line and reason found by locateJsonError when it fails. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { line, why } = locateJsonError(text);
    throw new TranscriptParseError('bad_json', `the JSON is broken: ${why}`, line);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Seconds as a number, or as a numeric string (some exporters quote them); kept to the millisecond. */
export function readSeconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? toMillisecond(n) : undefined;
}

export function missingVersion(expected: string): Problem {
  return {
    code: 'missing_version',
    severity: 'warning',
    message: `the file has no "version"; it was read as version ${expected}`,
    params: { version: expected },
  };
}
