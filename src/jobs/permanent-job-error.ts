/**
 * The one "retrying cannot help" error (bad input, a recording that cannot be used, a receiver
 * that is gone): the worker fails the job for good instead of scheduling another attempt.
 * Everything else thrown by a handler is retried with backoff.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
