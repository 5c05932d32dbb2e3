import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from '../common/logger.js';
import type { EpisodesService } from '../domain/episodes-service.js';
import type { ShowsService } from '../domain/shows-service.js';
import type { TokensService } from '../domain/tokens-service.js';
import type { AppEnv } from './app-env.js';
import { createErrorHandler } from './error-handler.js';
import { accessLog } from './middleware/access-log.js';
import { apiCors } from './middleware/api-cors.js';
import { apiHeaders, nosniff } from './middleware/api-headers.js';
import { authenticate } from './middleware/authenticate.js';
import { jsonTextGuard } from './middleware/json-text-guard.js';
import { rejectMalformedPath } from './middleware/reject-malformed-path.js';
import { problem, problemTypeBase } from './problem.js';
import { docsRoutes } from './routes/docs-routes.js';
import { episodesRoutes } from './routes/episodes-routes.js';
import { type HealthChecks, healthRoutes } from './routes/health-routes.js';
import { documentPublicRoutes } from './routes/public-route-docs.js';
import { showsRoutes } from './routes/shows-routes.js';
import { tokensRoutes } from './routes/tokens-routes.js';
import { validationHook } from './validation-hook.js';

export interface AppDeps {
  logger: Logger;
  /** BASE_URL: problem `type` URLs are built from it, never from the Host header. */
  baseUrl?: string;
  health: HealthChecks;
  shows: ShowsService;
  episodes: EpisodesService;
  tokens: TokensService;
  /** More API areas (uploads, jobs, transcripts, …), each a sub-app mounted under /api/v1. */
  apiAreas?: Hono<AppEnv>[];
  /** Public API routes (search) mounted before the token check of /api/v1. */
  openApiAreas?: Hono<any>[];
  /** Public areas (feeds, media, pages, embeds) mounted at the root. */
  publicAreas?: Hono<any>[];
  /** Browser origins allowed to call the API (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** The staff screens, mounted at /admin; they authenticate with their own session cookie. */
  adminArea?: Hono<any>;
  /** Checks that run on /api after the token is known (e.g. tokens limited to some shows). */
  apiGuards?: MiddlewareHandler<AppEnv>[];
}

const jsonLimit = 1024 * 1024;

/** Builds the whole HTTP app from its dependencies; nothing here opens a database or a port. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestId());
  app.use('*', accessLog({ logger: deps.logger }));
  if (deps.baseUrl) app.use('*', problemTypeBase(deps.baseUrl));
  app.use('*', rejectMalformedPath());
  app.use('/openapi.json', nosniff());

  app.route('/', healthRoutes(deps.health));
  app.route('/', docsRoutes());

  for (const area of deps.openApiAreas ?? []) app.route('/', area);

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Before authentication: a browser's preflight carries no token.
  api.use('*', apiCors(deps.corsOrigins ?? []));
  api.use('*', apiHeaders());
  api.use('*', authenticate({ verify: deps.tokens.verify }));
  for (const guard of deps.apiGuards ?? []) api.use('*', guard);
  api.use('*', async (c, next) => {
    // JSON bodies stay small; media uploads are streamed by their own routes with their own limit.
    if (c.req.header('content-type')?.includes('json')) {
      return bodyLimit({
        maxSize: jsonLimit,
        onError: (c2) => problem(c2, 'too_large', { params: { maxBytes: jsonLimit } }),
      })(c, next);
    }
    await next();
  });
  api.use('*', jsonTextGuard());
  api.route('/', showsRoutes({ shows: deps.shows }));
  api.route('/', episodesRoutes({ episodes: deps.episodes }));
  api.route('/', tokensRoutes({ tokens: deps.tokens }));
  for (const area of deps.apiAreas ?? []) api.route('/', area);
  app.route('/api/v1', api);

  if (deps.adminArea) app.route('/admin', deps.adminArea);
  for (const area of deps.publicAreas ?? []) app.route('/', area);

  documentPublicRoutes(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'zender API',
      version: '1',
      description:
        'Podcast and media publishing: shows, episodes, audio, feeds, transcripts, social drafts. ' +
        'Every /api/v1 route but the public search needs `Authorization: Bearer <token>` (roles: viewer ' +
        'reads, editor writes, admin also manages tokens and the organisation). ' +
        'Errors are application/problem+json (RFC 9457) in Dutch, or English ' +
        'when Accept-Language prefers it. Browser pages on another origin may call the API when ' +
        'CORS_ORIGINS lists their origin. The public routes (feeds, media, pages, embeds, oEmbed) need no token.',
    },
  });

  app.notFound((c) => problem(c, 'not_found', { params: { entity: 'route', id: c.req.path } }));
  app.onError(createErrorHandler(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
