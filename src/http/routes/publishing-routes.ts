import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { EpisodesService } from '../../domain/episodes-service.js';
import type { PublishingService } from '../../domain/publishing-service.js';
import type { AppEnv } from '../app-env.js';
import { episodeExample, feedWarningsExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';
import { episodeSchema } from '../schemas/episode-schemas.js';
import { validationHook } from '../validation-hook.js';

const feedProblem = z
  .object({
    level: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    episodeId: z.string().optional(),
  })
  .openapi('FeedProblem', { example: feedWarningsExample[0] });
const refused = {
  description: 'Breaks feed rules',
  content: { 'application/problem+json': { schema: problemSchema } },
};
const conflict = {
  description: 'Not in a state that allows this',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Publish now or later, unpublish, and the feed check of a whole show. */
export function publishingRoutes(deps: { publishing: PublishingService; episodes: EpisodesService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{episodeId}/publish',
      summary: 'Publish an episode, now or at a time',
      description:
        'Publishes a ready episode at once, or schedules it with `publishAt` (an ISO date-time with offset). The show and episode must meet the feed rules (category, artwork, processed audio): otherwise 422 lists what is missing. The answer carries warnings (recommendations that do not block). The feed is rebuilt and social drafts are made.',
      tags: ['Publishing'],
      security: bearer,
      request: {
        params: idParam('episodeId'),
        body: {
          content: {
            'application/json': {
              schema: z.object({ publishAt: z.iso.datetime({ offset: true }).optional() }),
              example: { publishAt: '2026-12-07T06:00:00+01:00' },
            },
          },
        },
      },
      responses: {
        200: {
          description: 'Published or scheduled',
          content: {
            'application/json': {
              schema: z.object({ episode: episodeSchema, warnings: z.array(feedProblem) }),
              example: { episode: episodeExample, warnings: feedWarningsExample },
            },
          },
        },
        ...errorResponses,
        409: conflict,
        422: refused,
      },
    }),
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      const result = await deps.publishing.publish(episodeId, body.publishAt);
      return c.json({ episode: await deps.episodes.get(episodeId), warnings: result.warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{episodeId}/unpublish',
      summary: 'Unpublish an episode',
      description:
        'Takes the episode out of the feed and its public pages; it is ready again and can be published later.',
      tags: ['Publishing'],
      security: bearer,
      request: { params: idParam('episodeId') },
      responses: {
        200: { description: 'Back to ready', content: { 'application/json': { schema: episodeSchema } } },
        ...errorResponses,
        409: conflict,
      },
    }),
    async (c) => {
      const { episodeId } = c.req.valid('param');
      await deps.publishing.unpublish(episodeId);
      return c.json(await deps.episodes.get(episodeId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}/feed-check',
      summary: 'Check a show against the feed rules',
      description:
        'Apple Podcasts and Podcasting 2.0 (PSP-1) rules for the show and its episodes: errors block publishing, warnings are recommendations. `ok` is false when any error remains.',
      tags: ['Publishing'],
      security: bearer,
      request: { params: idParam('showId') },
      responses: {
        200: {
          description: 'Problems and recommendations',
          content: {
            'application/json': {
              schema: z.object({ ok: z.boolean(), problems: z.array(feedProblem) }),
              example: { ok: true, problems: feedWarningsExample },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const problems = await deps.publishing.check(c.req.valid('param').showId);
      return c.json({ ok: !problems.some((p) => p.level === 'error'), problems }, 200);
    },
  );

  return app;
}
