import type { Context, MiddlewareHandler } from 'hono';
import type { FieldProblem } from '../domain/errors.js';
import { pickLocale } from './locale.js';
import { problemMessages } from './problem-messages.js';

export interface ProblemOptions {
  params?: Record<string, string | number>;
  errors?: FieldProblem[];
  status?: number;
}

/** Context key for BASE_URL, set once by createApp (see problemTypeBase). */
export const PROBLEM_BASE = 'problemTypeBase';

/**
 * Puts BASE_URL where problem() finds it: the `type` URL names our documentation, so it must be
 * ours and never the Host header a client sent (`Host: evil.example` would make zender point
 * people at a page an attacker writes).
 */
export function problemTypeBase(baseUrl: string): MiddlewareHandler {
  const base = baseUrl.replace(/\/+$/, '');
  return async function setProblemBase(c, next) {
    c.set(PROBLEM_BASE as never, base as never);
    await next();
  };
}

/** Answers an RFC 9457 problem+json in the client's language (Dutch by default). */
export function problem(c: Context, code: string, options: ProblemOptions = {}): Response {
  const locale = pickLocale(c.req.header('accept-language'));
  const message = problemMessages[code] ?? problemMessages.unprocessable;
  const params = { ...options.params };
  const status = options.status ?? message.status;
  const body = {
    // Without createApp around (a sub-app alone), a relative reference: still never the Host header.
    type: `${(c.get(PROBLEM_BASE as never) as string | undefined) ?? ''}/problems/${code}`,
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
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': locale,
      'x-content-type-options': 'nosniff',
    },
  });
}
