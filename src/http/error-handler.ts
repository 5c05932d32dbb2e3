import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotFoundError,
  TooLargeError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '../domain/errors.js';
import type { Logger } from '../shared/logger.js';
import { BlobTooLargeError } from '../storage/storage-errors.js';
import { problem } from './problem.js';
import { problemMessages } from './problem-messages.js';

/**
 * The one place where errors become HTTP answers. Domain errors keep their code; anything
 * unexpected is logged with the request id and answered 500 without a stack trace.
 */
export function createErrorHandler(logger: Logger) {
  return function errorHandler(error: Error, c: Context): Response {
    if (error instanceof InvalidInputError)
      return problem(c, error.code, { params: error.params, errors: error.problems, status: 400 });
    if (error instanceof UnprocessableError) {
      return problem(c, problemMessages[error.code] ? error.code : 'unprocessable', {
        params: { reason: error.message, ...error.params },
        errors: error.problems,
        status: 422,
      });
    }
    if (error instanceof NotFoundError) return problem(c, 'not_found', { params: error.params });
    if (error instanceof ConflictError) {
      return problem(c, problemMessages[error.code] ? error.code : 'conflict', {
        params: error.params,
        status: 409,
      });
    }
    if (error instanceof TooLargeError) return problem(c, 'too_large', { params: error.params });
    if (error instanceof BlobTooLargeError)
      return problem(c, 'too_large', { params: { maxBytes: error.maxBytes } });
    if (error instanceof UnsupportedMediaTypeError)
      return problem(c, 'unsupported_media_type', { params: error.params });
    if (error instanceof DomainError && problemMessages[error.code])
      return problem(c, error.code, { params: error.params });
    if (error instanceof HTTPException) {
      if (error.status === 401) return problem(c, 'unauthorized');
      if (error.status === 413) return problem(c, 'too_large', { params: { maxBytes: 0 } });
      if (error.status === 400 && /JSON/i.test(error.message)) return problem(c, 'malformed_json');
      if (error.status < 500) return problem(c, 'invalid_input', { status: error.status, params: {} });
    }
    const requestId = String(c.get('requestId' as never) ?? '');
    logger.error({ err: error, requestId, path: c.req.path }, 'unhandled error');
    return problem(c, 'internal', { params: { requestId } });
  };
}
