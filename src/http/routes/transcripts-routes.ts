import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ChaptersService } from '../../domain/chapters-service.js';
import { TooLargeError } from '../../domain/errors.js';
import type { TranscriptsService } from '../../domain/transcripts-service.js';
import type { AppEnv } from '../app-env.js';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const maxTextBytes = 10 * 1024 * 1024;
const languageQuery = z.object({
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/)
    .default('nl')
    .openapi({ param: { name: 'language', in: 'query' } }),
});
const textBody = { schema: z.string() };
const refused = {
  description: 'Unreadable or out of range, with the line',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Reads a text body up to a limit without trusting Content-Length. */
async function readText(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length') ?? '0') > maxTextBytes)
    throw new TooLargeError(maxTextBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of (request.body ?? []) as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxTextBytes) throw new TooLargeError(maxTextBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Transcripts (several languages) and chapters of an episode. */
export function transcriptsRoutes(deps: { transcripts: TranscriptsService; chapters: ChaptersService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const params = idParam('episodeId');

  // Plain routes (documented below): the body is text in one of several formats, read here with
  // a limit; a JSON validator would consume it or reject a transcript JSON for not being a string.
  app.put('/episodes/:episodeId/transcript', async (c) => {
    const language = languageQuery.parse({ language: c.req.query('language') }).language;
    const result = await deps.transcripts.upload(
      c.req.param('episodeId'),
      language,
      await readText(c.req.raw),
      c.req.header('content-type'),
    );
    return c.json(result, 200);
  });
  app.openAPIRegistry.registerPath({
    method: 'put',
    path: '/episodes/{episodeId}/transcript',
    tags: ['Transcripts'],
    security: bearer,
    request: {
      params,
      query: languageQuery,
      body: {
        content: {
          'text/vtt': textBody,
          'application/x-subrip': textBody,
          'application/json': textBody,
          'text/plain': textBody,
        },
        required: true,
      },
    },
    responses: {
      200: {
        description: 'Stored as ready',
        content: {
          'application/json': {
            schema: z.object({
              language: z.string(),
              status: z.literal('ready'),
              cues: z.number(),
              timed: z.boolean(),
              warnings: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
            }),
          },
        },
      },
      ...errorResponses,
      422: refused,
    },
  });

  app.get('/episodes/:episodeId/transcript', async (c) => {
    const language = c.req.query('language');
    const format = c.req.query('format');
    if (!language) return c.json({ items: await deps.transcripts.list(c.req.param('episodeId')) });
    const wanted = format === 'srt' || format === 'json' || format === 'html' ? format : 'vtt';
    const rendered = await deps.transcripts.render(c.req.param('episodeId'), language, wanted);
    return c.body(rendered.body, 200, {
      'content-type': rendered.contentType,
      'x-transcript-status': rendered.status,
    });
  });

  app.post('/episodes/:episodeId/transcript/confirm', async (c) => {
    await deps.transcripts.confirm(c.req.param('episodeId'), c.req.query('language') ?? 'nl');
    return c.json({ items: await deps.transcripts.list(c.req.param('episodeId')) });
  });

  app.delete('/episodes/:episodeId/transcript', async (c) => {
    await deps.transcripts.remove(c.req.param('episodeId'), c.req.query('language') ?? 'nl');
    return c.body(null, 204);
  });

  app.put('/episodes/:episodeId/chapters', async (c) => {
    const json = await deps.chapters.put(
      c.req.param('episodeId'),
      await readText(c.req.raw),
      c.req.header('content-type'),
    );
    return c.body(JSON.stringify(json), 200, { 'content-type': 'application/json+chapters' });
  });
  app.openAPIRegistry.registerPath({
    method: 'put',
    path: '/episodes/{episodeId}/chapters',
    tags: ['Chapters'],
    security: bearer,
    request: {
      params,
      body: { content: { 'application/json': textBody, 'text/plain': textBody }, required: true },
    },
    responses: {
      200: {
        description: 'Stored',
        content: { 'application/json+chapters': { schema: z.record(z.string(), z.unknown()) } },
      },
      ...errorResponses,
      422: refused,
    },
  });

  app.get('/episodes/:episodeId/chapters', async (c) => {
    const chapters = await deps.chapters.get(c.req.param('episodeId'));
    if (!chapters)
      return c.body(JSON.stringify({ version: '1.2.0', chapters: [] }), 200, {
        'content-type': 'application/json+chapters',
      });
    return c.body(JSON.stringify(chapters), 200, { 'content-type': 'application/json+chapters' });
  });

  return app;
}
