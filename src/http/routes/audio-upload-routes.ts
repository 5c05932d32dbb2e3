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
          content: { 'application/json': { schema: z.object({ jobId: z.string() }) } },
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
