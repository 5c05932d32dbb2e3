import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { SearchService } from '../../domain/search-service.js';
import { searchResultsExample } from '../schemas/api-examples.js';
import { validationHook } from '../validation-hook.js';

const resultSchema = z
  .object({
    showTitle: z.string(),
    episodeTitle: z.string(),
    url: z
      .string()
      .openapi({ example: 'https://podcast.example.nl/shows/mensenrechten/afl-1?transcript=nl#t=754' }),
    kind: z.enum(['title', 'notes', 'chapter', 'transcript']),
    language: z.string(),
    startSeconds: z.number().nullable(),
    speaker: z.string().nullable(),
    snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
  })
  .openapi('SearchResult');

/**
 * `GET /api/v1/search?q=`: public like the pages it points to (published episodes only), so it
 * is mounted ahead of the token check.
 */
export function searchApiRoutes({ search }: { search: SearchService }) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/search',
      tags: ['Search'],
      summary: 'Search published episodes',
      description:
        'Full-text search through the titles, descriptions, chapters and transcripts of every published episode, best match first. Each result links to its moment in the episode (`#t=` seconds). Needs no token: it shows only what the public pages show.',
      request: {
        query: z.object({
          q: z
            .string()
            .max(200)
            .openapi({ param: { name: 'q', in: 'query' }, example: 'woningnood' }),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(100)
            .default(30)
            .openapi({ param: { name: 'limit', in: 'query' } }),
        }),
      },
      responses: {
        200: {
          description: 'The matches',
          content: {
            'application/json': {
              schema: z.object({ query: z.string(), items: z.array(resultSchema) }),
              example: searchResultsExample,
            },
          },
        },
      },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ query: q, items: await search.search(q, { limit }) }, 200, {
        'cache-control': 'public, max-age=60',
        'access-control-allow-origin': '*',
      });
    },
  );
  return app;
}
