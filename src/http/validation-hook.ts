import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { problem } from './problem.js';

type Result = { success: true } | { success: false; error: ZodError; target?: string };

/** zod validation failures become 400 problem+json with one entry per field. */
export function validationHook(result: Result, c: Context) {
  if (result.success) return undefined;
  const target = (result as { target?: string }).target;
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : (target ?? 'body'),
    code: issue.code,
    message: issue.message,
  }));
  return problem(c, 'invalid_input', { errors });
}
