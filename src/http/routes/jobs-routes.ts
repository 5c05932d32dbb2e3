import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { isSettledStatus } from '../../domain/episode.js';
import type { EpisodesService } from '../../domain/episodes-service.js';
import { NotFoundError } from '../../domain/errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { AppEnv } from '../app-env.js';
import { jobExample, progressEventExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number(),
    step: z.string().nullable(),
    error: z.string().nullable(),
    errors: z.array(z.object({ attempt: z.number(), at: z.string(), message: z.string() })),
    attempts: z.number(),
    maxAttempts: z.number(),
    runAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Job', { example: jobExample });

/** Job status, and the live Server-Sent Events stream of an episode's processing. */
export function jobsRoutes(deps: { queue: JobQueue; episodes: EpisodesService; pollMs?: number }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const pollMs = deps.pollMs ?? 500;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{jobId}',
      summary: 'Read a background job',
      description:
        'Kind, status (queued, running, done, failed), step, progress 0 to 100, and the error of each failed attempt. Upload answers give the job id.',
      tags: ['Jobs'],
      security: bearer,
      request: { params: idParam('jobId') },
      responses: {
        200: { description: 'The job', content: { 'application/json': { schema: jobSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { jobId } = c.req.valid('param');
      const job = await deps.queue.get(jobId);
      if (!job) throw new NotFoundError('job', jobId);
      return c.json(job, 200);
    },
  );

  const progressEvent = z
    .object({
      episodeId: z.string(),
      status: z.enum(['draft', 'processing', 'ready', 'scheduled', 'published', 'failed']),
      failureReason: z.string().nullable(),
      jobId: z.string().nullable(),
      step: z.string().nullable(),
      progress: z.number(),
      jobStatus: z.enum(['queued', 'running', 'done', 'failed']).nullable(),
    })
    .openapi('ProgressEvent', { example: progressEventExample });
  // The data of each `progress` event, as a component of its own (a stream has no JSON schema).
  app.openAPIRegistry.register('ProgressEvent', progressEvent);
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/episodes/{episodeId}/events',
    tags: ['Jobs'],
    summary: "Follow an episode's processing live (Server-Sent Events)",
    description:
      'A text/event-stream: a `progress` event (data: ProgressEvent as JSON) each time the status, ' +
      'step or progress changes, then one `end` event when the episode is no longer processing (or ' +
      'after 30 minutes). `curl -N` or a browser EventSource can follow it; EventSource sends no ' +
      'Authorization header, so browsers use fetch with a streaming body instead.',
    security: bearer,
    request: { params: idParam('episodeId') },
    responses: {
      200: {
        description: 'The event stream',
        content: {
          'text/event-stream': {
            schema: z.string().openapi({
              description: 'event: progress, data: a ProgressEvent (see components); event: end',
            }),
            example:
              'event: progress\ndata: {"episodeId":"28e820ef-a0ed-42db-aedd-b872fc80f919","status":"processing",' +
              '"failureReason":null,"jobId":"0dbfc869-fe41-452e-8961-d336a273c7ef","step":"encode","progress":62,' +
              '"jobStatus":"running"}\nid: 4\n\nevent: end\ndata: {}\n\n',
          },
        },
      },
      ...errorResponses,
    },
  });

  // The events come from the job row, polled: any API process can serve them, whichever worker runs the job.
  // A stream opened on a draft (before the upload) waits for it: it ends only once the episode
  // settles (ready, published, scheduled, failed), so a client can open it first and upload after.
  app.get('/episodes/:episodeId/events', async (c) => {
    const episode = await deps.episodes.get(c.req.param('episodeId'));
    return streamSSE(c, async (stream) => {
      let last = '';
      let id = 0;
      let quietSince = Date.now();
      const deadline = Date.now() + 30 * 60_000;
      while (!stream.aborted && Date.now() < deadline) {
        const current = await deps.episodes.get(episode.id).catch(() => null);
        if (!current) break;
        const job = current.jobId ? await deps.queue.get(current.jobId) : null;
        const event = {
          episodeId: current.id,
          status: current.status,
          failureReason: current.failureReason,
          jobId: job?.id ?? null,
          step: job?.step ?? null,
          progress: job?.progress ?? 0,
          jobStatus: job?.status ?? null,
        };
        const serialized = JSON.stringify(event);
        if (serialized !== last) {
          last = serialized;
          await stream.writeSSE({ event: 'progress', data: serialized, id: String(++id) });
          quietSince = Date.now();
        } else if (Date.now() - quietSince > 15_000) {
          // A comment line: keeps proxies from closing a stream that waits for an upload.
          await stream.write(': waiting\n\n');
          quietSince = Date.now();
        }
        if (isSettledStatus(current.status)) break;
        await stream.sleep(pollMs);
      }
      await stream.writeSSE({ event: 'end', data: '{}' });
    });
  });

  return app;
}
