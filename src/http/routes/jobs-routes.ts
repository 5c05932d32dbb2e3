import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { EpisodesService } from '../../domain/episodes-service.js';
import { NotFoundError } from '../../domain/errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { AppEnv } from '../app-env.js';
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
  .openapi('Job');

/** Job status, and the live Server-Sent Events stream of an episode's processing. */
export function jobsRoutes(deps: { queue: JobQueue; episodes: EpisodesService; pollMs?: number }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const pollMs = deps.pollMs ?? 500;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{jobId}',
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

  // The events come from the job row, polled: any API process can serve them, whichever worker runs the job.
  app.get('/episodes/:episodeId/events', async (c) => {
    const episode = await deps.episodes.get(c.req.param('episodeId'));
    return streamSSE(c, async (stream) => {
      let last = '';
      let id = 0;
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
        }
        if (current.status !== 'processing') break;
        await stream.sleep(pollMs);
      }
      await stream.writeSSE({ event: 'end', data: '{}' });
    });
  });

  return app;
}
