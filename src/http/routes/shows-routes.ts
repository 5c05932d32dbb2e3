import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ShowsService } from '../../domain/shows-service.js';
import type { AppEnv } from '../app-env.js';
import { showExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam, pageQuery, problemSchema } from '../schemas/common-schemas.js';
import { showInputSchema, showPatchSchema, showSchema } from '../schemas/show-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Shows'];
const showJson = { 'application/json': { schema: showSchema } };
const conflict = {
  409: { description: 'Slug taken', content: { 'application/problem+json': { schema: problemSchema } } },
};

/** CRUD for shows: parse, call the service, respond. */
export function showsRoutes({ shows }: { shows: ShowsService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows',
      summary: 'List shows',
      description:
        'Shows, newest first, `limit` at a time; pass `nextCursor` back as `cursor` for the next page.',
      tags,
      security: bearer,
      request: { query: pageQuery },
      responses: {
        200: {
          description: 'Shows, newest first',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(showSchema), nextCursor: z.string().nullable() }),
              example: { items: [showExample], nextCursor: null },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await shows.list(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/shows',
      summary: 'Create a show',
      description:
        "Creates a show and its (empty) feed. The slug comes from the title unless given. Publishing an episode later needs a category (Apple's list, e.g. `Government` or `Society & Culture/Documentary`) and square artwork; GET /shows/{showId}/feed-check lists what is still missing.",
      tags,
      security: bearer,
      request: { body: { content: { 'application/json': { schema: showInputSchema } }, required: true } },
      responses: { 201: { description: 'Created', content: showJson }, ...errorResponses, ...conflict },
    }),
    async (c) => {
      const show = await shows.create(c.req.valid('json'));
      c.header('location', `/api/v1/shows/${show.id}`);
      return c.json(show, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}',
      summary: 'Read a show',
      description: 'The show with its feed URL, artwork URL and settings.',
      tags,
      security: bearer,
      request: { params: idParam('showId') },
      responses: { 200: { description: 'The show', content: showJson }, ...errorResponses },
    }),
    async (c) => c.json(await shows.get(c.req.valid('param').showId), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/shows/{showId}',
      summary: 'Change a show',
      description:
        'Changes only the fields given. A new slug keeps the old feed and page URLs working (301 to the new ones). A published feed is rebuilt.',
      tags,
      security: bearer,
      request: {
        params: idParam('showId'),
        body: { content: { 'application/json': { schema: showPatchSchema } }, required: true },
      },
      responses: { 200: { description: 'Updated', content: showJson }, ...errorResponses, ...conflict },
    }),
    async (c) => c.json(await shows.update(c.req.valid('param').showId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/shows/{showId}',
      summary: 'Delete a show',
      description: 'Deletes the show with its episodes, their files and its feed. It cannot be undone.',
      tags,
      security: bearer,
      request: { params: idParam('showId') },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await shows.remove(c.req.valid('param').showId);
      return c.body(null, 204);
    },
  );

  return app;
}
