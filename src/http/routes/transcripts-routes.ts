import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ChaptersService } from '../../domain/chapters-service.js';
import { TooLargeError } from '../../domain/errors.js';
import type { TranscriptsService } from '../../domain/transcripts-service.js';
import type { AppEnv } from '../app-env.js';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';
import {
  chaptersSchema,
  chaptersTextSchema,
  srtExample,
  transcriptJsonSchema,
  transcriptListExample,
  transcriptSummarySchema,
  vttExample,
} from '../schemas/text-media-schemas.js';
import { validationHook } from '../validation-hook.js';

const maxTextBytes = 10 * 1024 * 1024;
const languageQuery = z.object({
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/)
    .default('nl')
    .openapi({ param: { name: 'language', in: 'query' } }),
});
const textBody = (example: string) => ({ schema: z.string(), example });
const transcriptList = {
  description: 'The transcripts of the episode, one per language',
  content: {
    'application/json': {
      schema: z.object({ items: z.array(transcriptSummarySchema) }),
      example: transcriptListExample,
    },
  },
};
const chaptersJson = {
  description: 'The chapters as Podcasting 2.0 JSON',
  content: { 'application/json+chapters': { schema: chaptersSchema } },
};
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
    summary: 'Upload a transcript (WebVTT, SRT, Podcasting 2.0 JSON or plain text)',
    description:
      'Stores the transcript of one language (`?language=`, default nl) as ready, replacing any draft or ' +
      'placeholder. The format follows Content-Type, or is detected from the text. Cues are checked ' +
      'against the audio: a problem answers 422 with the line it is on; smaller issues come back as ' +
      "`warnings`. Up to 10 MiB. A published episode's feed gets the transcript at once.",
    security: bearer,
    request: {
      params,
      query: languageQuery,
      body: {
        content: {
          'text/vtt': textBody(vttExample),
          'application/x-subrip': textBody(srtExample),
          'application/json': { schema: transcriptJsonSchema },
          'text/plain': textBody('Presentator: Welkom bij Mensenrechten dichtbij.\nWethouder: Dank u.\n'),
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
            example: { language: 'nl', status: 'ready', cues: 2, timed: true, warnings: [] },
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

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/episodes/{episodeId}/transcript',
    tags: ['Transcripts'],
    summary: 'List the transcripts, or read one in WebVTT, SRT, JSON or HTML',
    description:
      'Without `language`: the list of transcripts (language, status, source, number of cues). With ' +
      '`language`: that transcript rendered as `format` (vtt by default, srt, json or html), drafts ' +
      'and placeholders included; `X-Transcript-Status` says which it is. The public copies of ready ' +
      'transcripts are under /media.',
    security: bearer,
    request: {
      params,
      query: z.object({
        language: z
          .string()
          .optional()
          .openapi({ param: { name: 'language', in: 'query' }, example: 'nl' }),
        format: z
          .enum(['vtt', 'srt', 'json', 'html'])
          .optional()
          .openapi({ param: { name: 'format', in: 'query' } }),
      }),
    },
    responses: {
      200: {
        ...transcriptList,
        description: 'The list (no language), or the rendered transcript',
        content: {
          ...transcriptList.content,
          'text/vtt': { schema: z.string(), example: vttExample },
          'application/x-subrip': { schema: z.string(), example: srtExample },
        },
      },
      ...errorResponses,
    },
  });

  app.post('/episodes/:episodeId/transcript/confirm', async (c) => {
    await deps.transcripts.confirm(c.req.param('episodeId'), c.req.query('language') ?? 'nl');
    return c.json({ items: await deps.transcripts.list(c.req.param('episodeId')) });
  });

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/episodes/{episodeId}/transcript/confirm',
    tags: ['Transcripts'],
    summary: 'Confirm a draft transcript (from the transcriber) as ready',
    description:
      'A transcript made by TRANSCRIBER_COMMAND starts as a draft that only the API shows; after a ' +
      'person has checked it, confirming makes it ready: public, in the feed and in the player.',
    security: bearer,
    request: { params, query: languageQuery },
    responses: { 200: transcriptList, ...errorResponses },
  });

  app.delete('/episodes/:episodeId/transcript', async (c) => {
    await deps.transcripts.remove(c.req.param('episodeId'), c.req.query('language') ?? 'nl');
    return c.body(null, 204);
  });

  app.openAPIRegistry.registerPath({
    method: 'delete',
    path: '/episodes/{episodeId}/transcript',
    tags: ['Transcripts'],
    summary: 'Remove the transcript of one language',
    description: 'Removes the transcript of `?language=` (default nl) and its public copies.',
    security: bearer,
    request: { params, query: languageQuery },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
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
    summary: 'Set the chapters (Podcasting 2.0 JSON, or plain `00:00 Title` lines)',
    description:
      'Replaces the chapters. Each start must lie within the audio and after the one before; a ' +
      'problem answers 422 with its line. The answer is the stored JSON; the delivery MP3 gets the ' +
      'chapters as ID3 CHAP frames in a background job, and a published feed links the JSON.',
    security: bearer,
    request: {
      params,
      body: {
        content: {
          'application/json': { schema: chaptersSchema },
          'text/plain': { schema: chaptersTextSchema },
        },
        required: true,
      },
    },
    responses: {
      200: { ...chaptersJson, description: 'Stored' },
      ...errorResponses,
      422: refused,
    },
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/episodes/{episodeId}/chapters',
    tags: ['Chapters'],
    summary: 'Read the chapters',
    description: 'The chapters as Podcasting 2.0 JSON; an episode without chapters gives an empty list.',
    security: bearer,
    request: { params },
    responses: { 200: chaptersJson, ...errorResponses },
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
