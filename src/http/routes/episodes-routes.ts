import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { EpisodesService } from '../../domain/episodes-service.js';
import type { AppEnv } from '../app-env.js';
import { bearer, errorResponses, idParam, pageQuery, problemSchema } from '../schemas/common-schemas.js';
import { episodeInputSchema, episodePatchSchema, episodeSchema } from '../schemas/episode-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Episodes'];
const episodeJson = { 'application/json': { schema: episodeSchema } };
const conflict = {
  409: { description: 'Slug taken', content: { 'application/problem+json': { schema: problemSchema } } },
};

/** CRUD for episodes: parse, call the service, respond. */
export function episodesRoutes({ episodes }: { episodes: EpisodesService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}/episodes',
      tags,
      security: bearer,
      request: { params: idParam('showId'), query: pageQuery },
      responses: {
        200: {
          description: 'Episodes, newest first',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(episodeSchema), nextCursor: z.string().nullable() }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await episodes.list(c.req.valid('param').showId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/shows/{showId}/episodes',
      tags,
      security: bearer,
      request: {
        params: idParam('showId'),
        body: { content: { 'application/json': { schema: episodeInputSchema } }, required: true },
      },
      responses: { 201: { description: 'Created', content: episodeJson }, ...errorResponses, ...conflict },
    }),
    async (c) => {
      const episode = await episodes.create(c.req.valid('param').showId, c.req.valid('json'));
      c.header('location', `/api/v1/episodes/${episode.id}`);
      return c.json(episode, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{episodeId}',
      tags,
      security: bearer,
      request: { params: idParam('episodeId') },
      responses: { 200: { description: 'The episode', content: episodeJson }, ...errorResponses },
    }),
    async (c) => c.json(await episodes.get(c.req.valid('param').episodeId), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/episodes/{episodeId}',
      tags,
      security: bearer,
      request: {
        params: idParam('episodeId'),
        body: { content: { 'application/json': { schema: episodePatchSchema } }, required: true },
      },
      responses: { 200: { description: 'Updated', content: episodeJson }, ...errorResponses, ...conflict },
    }),
    async (c) => c.json(await episodes.update(c.req.valid('param').episodeId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/episodes/{episodeId}',
      tags,
      security: bearer,
      request: { params: idParam('episodeId') },
      responses: { 204: { description: 'Deleted, with its files' }, ...errorResponses },
    }),
    async (c) => {
      await episodes.remove(c.req.valid('param').episodeId);
      return c.body(null, 204);
    },
  );

  return app;
}
