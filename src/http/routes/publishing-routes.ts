import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { EpisodesService } from '../../domain/episodes-service.js';
import type { FeedInspection } from '../../domain/feed-inspection.js';
import type { PublishingService } from '../../domain/publishing-service.js';
import type { AppEnv } from '../app-env.js';
import { episodeExample, feedCheckExample, feedWarningsExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';
import { episodeSchema } from '../schemas/episode-schemas.js';
import { validationHook } from '../validation-hook.js';

const feedProblem = z
  .object({
    level: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    episodeId: z.string().optional(),
    messages: z.object({ nl: z.string(), en: z.string() }).optional().openapi({
      description:
        'The finding in Dutch and English with its particulars, for findings from reading the built feed back and probing its enclosures.',
    }),
  })
  .openapi('FeedProblem', { example: feedWarningsExample[0] });
const feedCheckQuery = z.object({
  probe: z
    .enum(['true', 'false'])
    .default('true')
    .openapi({
      param: { name: 'probe', in: 'query' },
      description: '`false` skips the HTTP probes of the enclosures (the rules and the read-back still run).',
      example: 'true',
    }),
});
const refused = {
  description: 'Breaks feed rules',
  content: { 'application/problem+json': { schema: problemSchema } },
};
const conflict = {
  description: 'Not in a state that allows this',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Publish now or later, unpublish, and the feed check of a whole show. */
export function publishingRoutes(deps: {
  publishing: PublishingService;
  episodes: EpisodesService;
  inspection: FeedInspection;
}) {
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
      summary: 'Check a show against the feed rules, read its feed back and probe its audio',
      description:
        "Apple Podcasts and Podcasting 2.0 (PSP-1) rules for the show and its episodes (errors among these block publishing; warnings are recommendations), then the feed as built now read back with an independent parser (podcast-partytime): `feed_unparseable`, `feed_item_unseen` (an episode the parser does not see), `feed_enclosure_mismatch`. Then every enclosure is probed over HTTP as Apple's validator does, at most 4 at a time with 10 s per request, through the outbound address rule (ALLOW_PRIVATE_URLS): `HEAD` must answer 200 with Content-Length equal to the enclosure length (`enclosure_length_differs`) and an audio Content-Type (`enclosure_type_not_audio`), and `GET` with `Range: bytes=0-1` must answer 206 with a Content-Range and two bytes (`enclosure_range_unsupported`); `enclosure_head_status` and `enclosure_unreachable` name other failures. These findings carry `messages` in Dutch and English. The probes are not counted as downloads. `ok` is false when any error remains.",
      tags: ['Publishing'],
      security: bearer,
      request: { params: idParam('showId'), query: feedCheckQuery },
      responses: {
        200: {
          description: 'Problems and recommendations',
          content: {
            'application/json': {
              schema: z.object({ ok: z.boolean(), problems: z.array(feedProblem) }),
              example: feedCheckExample,
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { showId } = c.req.valid('param');
      const { probe } = c.req.valid('query');
      const { problems } = await deps.inspection.inspect(showId, { probe: probe === 'true' });
      return c.json({ ok: !problems.some((p) => p.level === 'error'), problems }, 200);
    },
  );

  return app;
}
