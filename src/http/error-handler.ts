import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../common/logger.js';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotFoundError,
  TooLargeError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '../domain/errors.js';
import { BlobTooLargeError } from '../storage/storage-errors.js';
import { type ProblemOptions, problem } from './problem.js';
import { problemMessages } from './problem-messages.js';

/** Which problem a known error is; the status defaults to the problem's own. */
export interface ProblemSpec extends ProblemOptions {
  code: string;
}

/**
 * The one place where errors become HTTP problems: domain errors keep their code and get their
 * status here. Returns null for anything unexpected (a 500). Used by the app's error handler
 * and by the tus routes, which answer through @tus/server rather than Hono.
 */
export function problemFor(error: unknown): ProblemSpec | null {
  if (error instanceof InvalidInputError)
    return { code: error.code, params: error.params, errors: error.problems, status: 400 };
  if (error instanceof UnprocessableError) {
    return {
      code: problemMessages[error.code] ? error.code : 'unprocessable',
      params: { reason: error.message, ...error.params },
      errors: error.problems,
      status: 422,
    };
  }
  if (error instanceof NotFoundError) return { code: 'not_found', params: error.params };
  if (error instanceof ConflictError)
    return { code: problemMessages[error.code] ? error.code : 'conflict', params: error.params, status: 409 };
  if (error instanceof TooLargeError) return { code: 'too_large', params: error.params };
  if (error instanceof BlobTooLargeError) return { code: 'too_large', params: { maxBytes: error.maxBytes } };
  if (error instanceof UnsupportedMediaTypeError)
    return { code: 'unsupported_media_type', params: error.params };
  if (error instanceof DomainError && problemMessages[error.code])
    return { code: error.code, params: error.params };
  if (error instanceof HTTPException) {
    if (error.status === 401) return { code: 'unauthorized' };
    if (error.status === 413) return { code: 'too_large', params: { maxBytes: 0 } };
    if (error.status === 400 && /JSON/i.test(error.message)) return { code: 'malformed_json' };
    if (error.status < 500) return { code: 'invalid_input', status: error.status, params: {} };
  }
  return null;
}

/**
 * The app's error handler: known errors as problem+json (problemFor); anything unexpected is
 * logged with the request id and answered 500 without a stack trace.
 */
export function createErrorHandler(logger: Logger) {
  return function errorHandler(error: Error, c: Context): Response {
    const known = problemFor(error);
    if (known) return problem(c, known.code, known);
    const requestId = String(c.get('requestId' as never) ?? '');
    logger.error({ err: error, requestId, path: c.req.path }, 'unhandled error');
    return problem(c, 'internal', { params: { requestId } });
  };
}
