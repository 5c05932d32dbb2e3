import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { FoldResult } from '../../domain/download-fold.js';
import { type DownloadReport, type DownloadReports, groupings } from '../../domain/download-reports.js';
import { roleAllows } from '../../domain/tokens-service.js';
import type { AppEnv } from '../app-env.js';
import { downloadsCsv } from '../downloads-csv.js';
import { problem } from '../problem.js';
import { bearer, errorResponses, idParam } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Downloads'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const reportQuery = z.object({
  from: date.optional().openapi({ param: { name: 'from', in: 'query' }, example: '2026-11-01' }),
  to: date.optional().openapi({ param: { name: 'to', in: 'query' }, example: '2026-11-30' }),
  groupBy: z
    .enum(groupings)
    .default('day')
    .openapi({ param: { name: 'groupBy', in: 'query' } }),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({
      param: { name: 'format', in: 'query' },
      description: 'csv: the rows as text/csv (as Accept: text/csv)',
    }),
});
const item = z.object({ key: z.string(), label: z.string(), downloads: z.number().int() });
const report = z
  .object({
    total: z.number().int(),
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(groupings),
    items: z.array(item),
  })
  .openapi('DownloadReport', {
    example: {
      total: 42,
      from: '2026-11-01',
      to: '2026-11-03',
      groupBy: 'day',
      items: [
        { key: '2026-11-01', label: '2026-11-01', downloads: 30 },
        { key: '2026-11-02', label: '2026-11-02', downloads: 0 },
        { key: '2026-11-03', label: '2026-11-03', downloads: 12 },
      ],
    },
  });
const episodeReport = report
  .extend({
    publishedAt: z.string().nullable(),
    first7Days: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Downloads in the 7 days from publication' }),
    first30Days: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Downloads in the 30 days from publication' }),
  })
  .openapi('EpisodeDownloadReport', {
    example: {
      total: 17,
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'app',
      items: [
        { key: 'apple-podcasts', label: 'Apple Podcasts', downloads: 11 },
        { key: 'web-player', label: 'web player', downloads: 6 },
      ],
      publishedAt: '2026-11-01T08:00:00.000Z',
      first7Days: 14,
      first30Days: 17,
    },
  });
const csv = {
  'text/csv': {
    schema: z.string(),
    example: 'key,label,downloads\r\n2026-11-01,2026-11-01,30\r\n2026-11-02,2026-11-02,0\r\n',
  },
};
const describe =
  'Downloads as the IAB Tech Lab podcast measurement guidelines count them (one listener, one ' +
  'episode, 24 hours, at least a minute of audio; bots left out), per UTC day. Counts lag the ' +
  'requests by a few minutes; POST /downloads/fold folds at once.';

function wantsCsv(c: Context, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(c.req.header('accept') ?? '');
}

function answer(c: Context, result: DownloadReport, format: string | undefined, name: string) {
  if (!wantsCsv(c, format)) return c.json(result, 200);
  return c.body(downloadsCsv(result), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${result.groupBy}-${result.from}-${result.to}.csv"`,
  });
}

/** Download reports (JSON or CSV), the public opt-in per show, and folding on demand. */
export function downloadsRoutes(deps: { reports: DownloadReports; fold: () => Promise<FoldResult> }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}/downloads',
      tags,
      summary: 'A show’s downloads',
      security: bearer,
      description: describe,
      request: { params: idParam('showId'), query: reportQuery },
      responses: {
        200: {
          description: 'The show’s downloads',
          content: { 'application/json': { schema: report }, ...csv },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { showId } = c.req.valid('param');
      const { from, to, groupBy, format } = c.req.valid('query');
      return answer(c, await deps.reports.show(showId, groupBy, from, to), format, 'downloads') as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{episodeId}/downloads',
      tags,
      summary: 'An episode’s downloads',
      security: bearer,
      description: `${describe} Also the downloads in the first 7 and 30 days from publication.`,
      request: { params: idParam('episodeId'), query: reportQuery },
      responses: {
        200: {
          description: 'The episode’s downloads',
          content: { 'application/json': { schema: episodeReport }, ...csv },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { episodeId } = c.req.valid('param');
      const { from, to, groupBy, format } = c.req.valid('query');
      return answer(
        c,
        await deps.reports.episode(episodeId, groupBy, from, to),
        format,
        'downloads',
      ) as never;
    },
  );

  const publicity = z
    .object({ public: z.boolean() })
    .openapi('DownloadPublicity', { example: { public: true } });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}/downloads/public',
      tags,
      summary: 'Whether a show’s totals are public',
      security: bearer,
      description: 'Whether the show’s totals are on its public page /downloads/{showSlug} (off by default).',
      request: { params: idParam('showId') },
      responses: {
        200: { description: 'The setting', content: { 'application/json': { schema: publicity } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { showId } = c.req.valid('param');
      await deps.reports.show(showId, 'month'); // 404 for a show that does not exist
      return c.json({ public: await deps.reports.isPublic(showId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/shows/{showId}/downloads/public',
      tags,
      summary: 'Make a show’s totals public, or not',
      security: bearer,
      description: 'Opt a show in (or out) of its public downloads page.',
      request: {
        params: idParam('showId'),
        body: { content: { 'application/json': { schema: publicity } }, required: true },
      },
      responses: {
        200: { description: 'The new setting', content: { 'application/json': { schema: publicity } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { showId } = c.req.valid('param');
      return c.json({ public: await deps.reports.setPublic(showId, c.req.valid('json').public) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/downloads/fold',
      tags,
      summary: 'Fold recorded requests into the counts now',
      security: bearer,
      description: 'Folds the requests recorded so far into the daily counts now (admin).',
      responses: {
        200: {
          description: 'What the fold did',
          content: {
            'application/json': {
              schema: z
                .object({
                  requests: z.number().int(),
                  downloads: z.number().int(),
                  deleted: z.number().int(),
                  foldedUpTo: z.string(),
                })
                .openapi('FoldResult', {
                  example: {
                    requests: 1200,
                    downloads: 310,
                    deleted: 980,
                    foldedUpTo: '2026-11-03T10:04:58.000Z',
                  },
                }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { role } = c.get('principal');
      if (!roleAllows(role, 'admin'))
        return problem(c, 'forbidden', { params: { needed: 'admin', held: role } }) as never;
      return c.json(await deps.fold(), 200);
    },
  );

  return app;
}
