import { Hono } from 'hono';
import type { EpisodesService } from '../../domain/episodes-service.js';
import type { FeedInspection } from '../../domain/feed-inspection.js';
import type { ShowsService } from '../../domain/shows-service.js';
import { fillLabel } from '../../web/admin/admin-labels.js';
import { feedCheckLabels } from '../../web/admin/feed-check-labels.js';
import { FeedCheckScreen } from '../../web/admin/feed-check-page.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { requireShowAccess } from './staff-access.js';

export interface FeedCheckAdminDeps {
  inspection: FeedInspection;
  shows: ShowsService;
  episodes: EpisodesService;
}

/**
 * The full feed check on its own screen, for everyone who may read the show: it reads the feed
 * back and probes every audio file, so it runs when asked, not on every show screen.
 */
export function feedCheckAdminRoutes(deps: FeedCheckAdminDeps) {
  const app = new Hono<AdminEnv>();

  app.get('/shows/:showId/feed-check', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    const ctx = c.get('ctx');
    const show = await deps.shows.get(showId);
    const [{ problems, hasFeed }, titles] = await Promise.all([
      deps.inspection.inspect(showId),
      episodeTitles(showId),
    ]);
    return renderAdmin(c, ctx, {
      title: fillLabel(feedCheckLabels[ctx.locale].title, { title: show.title }),
      body: <FeedCheckScreen ctx={ctx} show={show} problems={problems} titles={titles} hasFeed={hasFeed} />,
    });
  });

  /** Every episode's title, for the rules' explanations (which name the episode). */
  async function episodeTitles(showId: string): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await deps.episodes.list(showId, { limit: 200, cursor });
      for (const episode of page.items) titles.set(episode.id, episode.title);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return titles;
  }

  return app;
}
