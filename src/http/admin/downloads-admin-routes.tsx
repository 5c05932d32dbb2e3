import type { Context } from 'hono';
import { Hono } from 'hono';
import type { DownloadReports } from '../../domain/download-reports.js';
import type { EpisodesService } from '../../domain/episodes-service.js';
import type { ShowsService } from '../../domain/shows-service.js';
import {
  downloadsWords,
  EpisodeDownloadsScreen,
  ShowDownloadsScreen,
} from '../../web/admin/downloads-admin-page.js';
import { loadAnalyticsAssets } from '../../web/analytics/analytics-assets.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { canEdit, requireRole, requireShowAccess } from './staff-access.js';

export interface DownloadsAdminDeps {
  reports: DownloadReports;
  shows: ShowsService;
  episodes: EpisodesService;
  baseUrl: string;
}

/**
 * The downloads screens: a show's figures (every role that may read the show, as GET
 * /api/v1/shows/{id}/downloads) with the public-totals opt-in (editors), and an episode's first
 * 30 days. uPlot and the chart script come from /assets/analytics/, zender's own files.
 */
export function downloadsAdminRoutes(deps: DownloadsAdminDeps) {
  const app = new Hono<AdminEnv>();
  const assets = loadAnalyticsAssets();
  const base = deps.baseUrl.replace(/\/+$/, '');
  const head = (
    <>
      <link rel="stylesheet" href={assets.uplotStyle} />
      <link rel="stylesheet" href={assets.style} />
      <script src={assets.uplotScript} defer />
      <script src={assets.chartScript} defer />
    </>
  );

  async function showScreen(c: Context<AdminEnv>, showId: string, notice: string | null) {
    requireShowAccess(c, showId);
    const ctx = c.get('ctx');
    const show = await deps.shows.get(showId);
    const [perDay, episodes, apps, devices, isPublic] = await Promise.all([
      deps.reports.show(showId, 'day'),
      deps.reports.show(showId, 'episode'),
      deps.reports.show(showId, 'app'),
      deps.reports.show(showId, 'device'),
      deps.reports.isPublic(showId),
    ]);
    return renderAdmin(c, ctx, {
      title: `${downloadsWords(ctx).title}: ${show.title}`,
      notice,
      head,
      body: (
        <ShowDownloadsScreen
          ctx={ctx}
          show={show}
          panel={{ perDay, episodes, apps, devices, language: show.language }}
          isPublic={isPublic}
          publicUrl={`${base}/downloads/${show.slug}`}
          canEdit={canEdit(c)}
        />
      ),
    });
  }

  app.get('/shows/:showId/downloads', (c) => showScreen(c, c.req.param('showId'), null));

  app.post('/shows/:showId/downloads/public', async (c) => {
    requireRole(c, 'editor');
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    await deps.shows.get(showId);
    const form = await c.req.parseBody();
    await deps.reports.setPublic(showId, form.public === 'on');
    return showScreen(c, showId, downloadsWords(c.get('ctx')).saved);
  });

  app.get('/episodes/:episodeId/downloads', async (c) => {
    const episode = await deps.episodes.get(c.req.param('episodeId'));
    requireShowAccess(c, episode.showId);
    const ctx = c.get('ctx');
    const show = await deps.shows.get(episode.showId);
    const [figures, curve] = await Promise.all([
      deps.reports.episode(episode.id),
      deps.reports.firstDaysCurve(episode.id),
    ]);
    return renderAdmin(c, ctx, {
      title: `${downloadsWords(ctx).title}: ${episode.title}`,
      head,
      body: (
        <EpisodeDownloadsScreen
          ctx={ctx}
          show={show}
          episode={episode}
          panel={{ curve, first7Days: figures.first7Days, first30Days: figures.first30Days }}
        />
      ),
    });
  });

  return app;
}
