import type { MiddlewareHandler } from 'hono';
import type { ScopedEntity, ShowOf } from '../../domain/staff/show-scope.js';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';

const scoped: [RegExp, ScopedEntity][] = [
  [/^\/api\/v1\/shows\/([^/]+)/, 'show'],
  [/^\/api\/v1\/episodes\/([^/]+)/, 'episode'],
  [/^\/api\/v1\/social-drafts\/([^/]+)/, 'draft'],
  [/^\/api\/v1\/webhooks\/([^/]+)/, 'webhook'],
  [/^\/api\/v1\/jobs\/([^/]+)/, 'job'],
];

function uploadEpisode(header: string | undefined): string | null {
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key === 'episodeId' && value) return Buffer.from(value, 'base64').toString('utf8');
  }
  return null;
}

/**
 * A token limited to some shows reaches only those: any record it names is traced to its show
 * (outside the limit: 404, as if it did not exist), the show list is filtered, and what is not
 * about one show (new shows, the organisation, other areas) is refused. Unlimited tokens pass.
 */
export function showScope({ showOf }: { showOf: ShowOf }): MiddlewareHandler<AppEnv> {
  return async function limitToShows(c, next) {
    const limit = c.get('principal')?.showIds;
    if (!limit) return next();
    const path = c.req.path;
    const notFound = () => problem(c, 'not_found', { params: { entity: 'route', id: path } });
    for (const [pattern, entity] of scoped) {
      const match = pattern.exec(path);
      if (!match) continue;
      const showId = await showOf(entity, decodeURIComponent(match[1]));
      if (!showId || !limit.includes(showId)) return notFound();
      return next();
    }
    if (path === '/api/v1/shows' && c.req.method === 'GET') {
      await next();
      if (c.res.status !== 200) return;
      const body = (await c.res.clone().json()) as { items: { id: string }[]; nextCursor: string | null };
      c.res = c.json({ ...body, items: body.items.filter((show) => limit.includes(show.id)) }, 200);
      return;
    }
    if (path === '/api/v1/uploads' && c.req.method === 'POST') {
      const episodeId = uploadEpisode(c.req.header('upload-metadata'));
      const showId = episodeId ? await showOf('episode', episodeId) : null;
      if (!showId || !limit.includes(showId)) return notFound();
      return next();
    }
    // Chunks of an upload this token created (its id is unguessable), and public search.
    if (path.startsWith('/api/v1/uploads/') || path === '/api/v1/search') return next();
    return problem(c, 'forbidden', { params: { needed: 'all shows', held: limit.join(', ') } });
  };
}
