import type { Context } from 'hono';
import type { FieldProblem } from '../domain/errors.js';
import { pickLocale } from './locale.js';
import { problemMessages } from './problem-messages.js';

export interface ProblemOptions {
  params?: Record<string, string | number>;
  errors?: FieldProblem[];
  status?: number;
}

/** Answers an RFC 9457 problem+json in the client's language (Dutch by default). */
export function problem(c: Context, code: string, options: ProblemOptions = {}): Response {
  const locale = pickLocale(c.req.header('accept-language'));
  const message = problemMessages[code] ?? problemMessages.unprocessable;
  const params = { ...options.params };
  const status = options.status ?? message.status;
  const body = {
    type: `${new URL(c.req.url).origin}/problems/${code}`,
    title: message.title[locale],
    status,
    detail: message.detail(params, locale),
    code,
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId' as never) as string | undefined,
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale },
  });
}
