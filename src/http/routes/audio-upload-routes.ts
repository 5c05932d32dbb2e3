import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { EpisodeIngest } from '../../domain/episode-ingest.js';
import type { AppEnv } from '../app-env.js';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const binary = { schema: z.string().openapi({ format: 'binary' }) };
const problems = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** `PUT /episodes/{id}/audio`: the raw body is streamed to storage, never held in memory. */
export function audioUploadRoutes({ ingest }: { ingest: EpisodeIngest }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'put',
      path: '/episodes/{episodeId}/audio',
      description:
        'Streams the body to storage (never held in memory) and queues processing: probe, loudness to the target, the delivery MP3, peaks and the quality report. Follow it with GET /episodes/{episodeId}/events or GET /jobs/{jobId}. Refused before a byte is read when Content-Length exceeds MAX_UPLOAD_BYTES or the type is not audio or video. `X-Filename` keeps the original name. For large files or unreliable connections use tus at /uploads.',
      tags: ['Audio'],
      security: bearer,
      summary: 'Upload a recording (any audio or video file ffmpeg reads) as the raw request body',
      request: {
        params: idParam('episodeId'),
        headers: z.object({ 'x-filename': z.string().max(255).optional() }),
        body: {
          content: { 'audio/*': binary, 'video/*': binary, 'application/octet-stream': binary },
          required: true,
        },
      },
      responses: {
        202: {
          description: 'Stored; processing queued',
          content: {
            'application/json': {
              schema: z.object({ jobId: z.string() }),
              example: { jobId: '0dbfc869-fe41-452e-8961-d336a273c7ef' },
            },
          },
        },
        ...errorResponses,
        409: problems('The episode is published or scheduled'),
        413: problems('Larger than MAX_UPLOAD_BYTES'),
        415: problems('Not an audio or video type'),
      },
    }),
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const lengthHeader = c.req.header('content-length');
      const contentLength = lengthHeader === undefined ? undefined : Number(lengthHeader);
      const contentType = c.req.header('content-type');
      // Refuse before reading a byte when the declared size or type is wrong.
      await ingest.precheck(episodeId, contentType, contentLength);
      // Under node, read the socket directly: converting to a web stream and back cost a third
      // of the throughput in `npm run bench`. app.request() in tests has no socket: web stream.
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      const raw = incoming ? null : c.req.raw.body;
      const body =
        incoming ?? (raw ? Readable.fromWeb(raw as unknown as NodeReadableStream) : Readable.from([]));
      const result = await ingest.acceptStream(episodeId, body, {
        contentType,
        contentLength,
        filename: c.req.header('x-filename'),
      });
      c.header('location', `/api/v1/jobs/${result.jobId}`);
      return c.json(result, 202);
    },
  );

  return app;
}
