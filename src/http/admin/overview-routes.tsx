import { Hono } from 'hono';
import { OverviewPage } from '../../web/admin/overview-page.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { actorOf, canEdit, canSeeShow, requireRole } from './staff-access.js';

/** The overview (/admin) and "try again" for a failed job. */
export function overviewRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const ctx = c.get('ctx');
    const user = c.get('staff').user;
    const shows = (await deps.shows.list({ limit: 200 })).items.filter((show) => canSeeShow(c, show.id));
    const titles = new Map(shows.map((show) => [show.id, show.title]));
    const episodes = (await deps.recentEpisodes(user.showIds, 15)).map((episode) => ({
      ...episode,
      showTitle: titles.get(episode.showId) ?? '',
    }));
    const jobs = await deps.jobs.list((showId) => canSeeShow(c, showId));
    return renderAdmin(c, ctx, {
      title: ctx.t.overviewTitle,
      notice:
        c.req.query('done') === 'retried'
          ? ctx.t.retried
          : c.req.query('done') === 'deleted'
            ? ctx.t.deleted
            : null,
      body: <OverviewPage ctx={ctx} data={{ shows, episodes, jobs, canEdit: canEdit(c) }} />,
    });
  });

  app.post('/jobs/:jobId/retry', async (c) => {
    requireRole(c, 'editor');
    const item = await deps.jobs.retry(c.req.param('jobId'), (showId) => canSeeShow(c, showId));
    await deps.audit.record(actorOf(c), 'job.retried', {
      showId: item.showId,
      episodeId: item.episodeId,
      subject: item.subject ?? item.job.kind,
    });
    return c.redirect('/admin?done=retried', 303);
  });

  return app;
}
