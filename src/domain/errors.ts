/**
 * Domain errors carry a stable `code` and the values a message needs; the HTTP layer alone turns
 * them into status codes and sentences (Dutch or English).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    message?: string,
  ) {
    super(message ?? code);
  }
}

export class NotFoundError extends DomainError {
  constructor(
    readonly entity:
      | 'show'
      | 'episode'
      | 'job'
      | 'token'
      | 'transcript'
      | 'draft'
      | 'webhook'
      | 'file'
      | 'import'
      | 'user',
    id: string,
  ) {
    super('not_found', { entity, id });
  }
}

export class ConflictError extends DomainError {}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class InvalidInputError extends DomainError {
  constructor(
    code: string,
    readonly problems: FieldProblem[] = [],
    params: Record<string, string | number> = {},
  ) {
    super(code, params);
  }
}

/** Well-formed input the rules refuse (an episode not ready to publish, audio without sound). */
export class UnprocessableError extends DomainError {
  constructor(
    code: string,
    params: Record<string, string | number> = {},
    readonly problems: FieldProblem[] = [],
  ) {
    super(code, params);
  }
}

export class TooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('too_large', { maxBytes });
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(contentType: string, accepted: string[]) {
    super('unsupported_media_type', { contentType, accepted: accepted.join(', ') });
  }
}
