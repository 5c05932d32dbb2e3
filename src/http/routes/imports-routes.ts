import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ShowExport } from '../../moving/export-show.js';
import type { ImportsService } from '../../moving/imports-service.js';
import type { ShowRestore } from '../../moving/restore-show.js';
import type { AppEnv } from '../app-env.js';
import { archiveResponse } from '../archive-response.js';
import { bearer, errorResponses, httpUrl, idParam } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Moving in and out'];

const importExample = {
  id: '01JD8Q2V4Z6W1Y3X5T7R9P0N2M',
  status: 'done' as const,
  feedUrl: 'https://feeds.example.nl/raadsvergadering.xml',
  showId: '01JD8Q2V4Z6W1Y3X5T7R9P0N2K',
  jobId: '01JD8Q2V4Z6W1Y3X5T7R9P0N2J',
  processAudio: false,
  episodes: { total: 3, done: 2, failed: 1 },
  problems: [
    {
      guid: 'libsyn-12345',
      title: 'Aflevering 3',
      code: 'enclosure_http_status',
      message: {
        nl: 'Het audiobestand kon niet worden opgehaald: de server antwoordde met status 404.',
        en: 'The audio file could not be fetched: the server answered with status 404.',
      },
    },
  ],
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:02:10.000Z',
};

const inputSchema = z
  .object({
    feedUrl: httpUrl.openapi({ description: 'The RSS feed of the podcast to move in' }),
    processAudio: z.boolean().optional().openapi({
      description:
        'false (default): the audio is kept byte for byte (MP3; probe, waveform and quality report only). true: every file goes through normal processing (loudness, MP3 encoding).',
    }),
  })
  .strict()
  .openapi('ImportInput', {
    example: { feedUrl: 'https://feeds.example.nl/raadsvergadering.xml', processAudio: false },
  });

const startedSchema = z
  .object({ id: z.string(), jobId: z.string(), showId: z.string().nullable() })
  .openapi('ImportStarted', {
    example: { id: importExample.id, jobId: importExample.jobId, showId: null },
  });

const importSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    feedUrl: z.string(),
    showId: z.string().nullable(),
    jobId: z.string().nullable(),
    processAudio: z.boolean(),
    episodes: z.object({ total: z.number().int(), done: z.number().int(), failed: z.number().int() }),
    problems: z.array(
      z.object({
        guid: z.string().nullable(),
        title: z.string().nullable(),
        code: z.string(),
        message: z.object({ nl: z.string(), en: z.string() }),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Import', { example: importExample });

const restoredSchema = z
  .object({ showId: z.string(), slug: z.string(), episodes: z.number().int() })
  .openapi('Restored', { example: { showId: importExample.showId, slug: 'raadsvergadering', episodes: 12 } });

/** Moving a podcast in from its RSS feed or an export archive, following the move, and taking it out. */
export function importsRoutes(deps: {
  imports: ImportsService;
  exporter: ShowExport;
  restorer: ShowRestore;
}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { imports } = deps;

  // An archive is a stream, not JSON: restored here, before the JSON body is validated.
  app.post('/imports', async (c, next) => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/x-tar')) return next();
    const body = c.req.raw.body ?? new ReadableStream({ start: (controller) => controller.close() });
    const restored = await deps.restorer.restore(Readable.fromWeb(body as never));
    c.header('location', `/api/v1/shows/${restored.showId}`);
    return c.json(restored, 201);
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      summary: 'Import a podcast from its RSS feed',
      description:
        'A job reads the feed (public addresses only unless ALLOW_PRIVATE_URLS; size and time capped; DOCTYPE and ENTITY declarations refused), creates the show from the channel and every episode with its original guid and publication date, and streams each enclosure into storage. One episode that fails is listed in `problems`; the rest go on. Running the same feed again updates changed episodes and adds new ones, keyed on guid.',
      tags,
      security: bearer,
      request: {
        body: {
          content: {
            'application/json': { schema: inputSchema },
            'application/x-tar': {
              schema: z.string().openapi({
                type: 'string',
                format: 'binary',
                description: 'An archive from GET /api/v1/shows/{showId}/export',
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        201: {
          description: 'application/x-tar: the show is restored (same id, slug, guids and audio bytes)',
          content: { 'application/json': { schema: restoredSchema } },
        },
        202: {
          description: 'The import is queued; follow it at /api/v1/imports/{id}',
          content: { 'application/json': { schema: startedSchema } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      // The tar variant never reaches here (handled above), so the body is the JSON input.
      const started = await imports.start(c.req.valid('json') as z.infer<typeof inputSchema>);
      c.header('location', `/api/v1/imports/${started.id}`);
      return c.json(started, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{importId}',
      summary: 'Follow an import',
      description:
        'Status, episode counts and every problem met, each with a reason in Dutch and English. `showId` is set once the show exists.',
      tags,
      security: bearer,
      request: { params: idParam('importId') },
      responses: {
        200: {
          description: 'The import and its progress',
          content: { 'application/json': { schema: importSchema } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await imports.get(c.req.valid('param').importId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}/export',
      summary: 'Export a show as a tar archive',
      description:
        'Streams everything zender keeps of the show: show.json, episodes/*.json, every stored file under media/ (originals, delivery audio, waveforms, artwork), chapters, transcripts as WebVTT, feed.xml, social drafts, webhooks without secrets and a README.md naming every file. Memory stays flat whatever the size. POST the archive to /api/v1/imports (application/x-tar) to restore it.',
      tags,
      security: bearer,
      request: { params: idParam('showId') },
      responses: {
        200: {
          description: 'The archive, streamed',
          content: {
            'application/x-tar': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { slug, stream } = await deps.exporter.open(c.req.valid('param').showId);
      return archiveResponse(slug, stream) as never;
    },
  );

  return app;
}
