import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../common/logger.js';
import type { AppEnv } from '../app-env.js';

/** One structured line per request, with the request id; never the client IP (GDPR). */
export function accessLog({ logger }: { logger: Logger }): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
