import type { Context } from 'hono';
import type { Logger } from '../../common/logger.js';
import { DomainError } from '../../domain/errors.js';
import { createErrorHandler } from '../error-handler.js';

export interface DescribedError {
  status: number;
  title: string;
  detail: string;
  errors: { field: string; code?: string; message: string }[];
}

/**
 * A domain error as the API would answer it (status and a Dutch or English sentence), for a
 * screen to show next to the form; anything else is rethrown to the error page.
 */
export function errorDescriber(logger: Logger) {
  const toProblem = createErrorHandler(logger);
  return async function describeError(error: unknown, c: Context): Promise<DescribedError> {
    if (!(error instanceof DomainError)) throw error;
    const answer = toProblem(error, c);
    const body = (await answer.json()) as Omit<DescribedError, 'status'>;
    return { status: answer.status, title: body.title, detail: body.detail, errors: body.errors ?? [] };
  };
}
