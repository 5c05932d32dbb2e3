import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { loadAdminAssets } from '../../web/admin/admin-assets.js';
import { defaultNav } from '../../web/admin/admin-context.js';
import { createErrorHandler } from '../error-handler.js';
import { webAssetResponse } from '../web-asset-response.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminEnv } from './admin-env.js';
import { buildContext, renderAdmin } from './admin-render.js';
import { downloadsAdminRoutes } from './downloads-admin-routes.js';
import { draftAdminRoutes } from './draft-admin-routes.js';
import { episodeAdminRoutes } from './episode-admin-routes.js';
import { feedCheckAdminRoutes } from './feed-check-admin-routes.js';
import { importAdminRoutes } from './import-admin-routes.js';
import { organisationAdminRoutes } from './organisation-admin-routes.js';
import { overviewRoutes } from './overview-routes.js';
import { peopleRoutes } from './people-routes.js';
import { showAdminRoutes } from './show-admin-routes.js';
import { anonymousLocale, sessionCookie, signInRoutes } from './sign-in-routes.js';
import { actorOf, requireRole, requireShowAccess, StaffForbiddenError } from './staff-access.js';
import { staffSession } from './staff-session.js';

/** One value of a tus Upload-Metadata header ("key base64,key base64"). */
function metadataValue(header: string | undefined, key: string): string | null {
  for (const pair of (header ?? '').split(',')) {
    const [name, value] = pair.trim().split(' ');
    if (name === key && value) return Buffer.from(value, 'base64').toString('utf8');
  }
  return null;
}

/**
 * The staff interface under /admin: its own assets, sign-in, and every screen behind a session.
 * It is another face over the same services as /api/v1 and never accepts a bearer token, as
 * /api never accepts the session cookie.
 */
export function adminApp(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const assets = loadAdminAssets(deps.mediaOrigins);
  const nav = [...defaultNav, ...(deps.nav ?? [])];
  const toProblem = createErrorHandler(deps.logger);

  app.get('/assets/:name', (c) => webAssetResponse(c, assets.get(c.req.param('name'))));

  app.route('/', signInRoutes({ ...deps, assets, nav }));
  const setAnonymousLocale = anonymousLocale(deps.secureCookies);

  // The language switch works signed in (saved on the account) and on the sign-in page (a cookie).
  app.post('/locale', async (c, next) => {
    const form = await c.req.parseBody();
    const locale = form.locale === 'en' ? 'en' : 'nl';
    const back =
      typeof form.back === 'string' && /^\/admin(\/[\w/-]*)?$/.test(form.back) ? form.back : '/admin';
    if (!c.req.header('cookie')?.includes(`${sessionCookie}=`)) {
      if (!(await setAnonymousLocale(c, locale))) return c.text('CSRF', 403);
      return c.redirect(back, 303);
    }
    await next();
  });

  const staff = new Hono<AdminEnv>();
  staff.use('*', staffSession({ sessions: deps.sessions, assets, nav }));
  staff.post('/logout', async (c) => {
    await deps.sessions.end(c.get('staff').id);
    deleteCookie(c, sessionCookie, { path: '/admin' });
    return c.redirect('/admin/login?done=out', 303);
  });
  staff.post('/locale', async (c) => {
    const form = await c.req.parseBody();
    await deps.users.update(c.get('staff').user.id, { locale: form.locale === 'en' ? 'en' : 'nl' });
    const back =
      typeof form.back === 'string' && /^\/admin(\/[\w/-]*)?$/.test(form.back) ? form.back : '/admin';
    return c.redirect(back, 303);
  });
  staff.route('/', overviewRoutes(deps));
  staff.route('/', showAdminRoutes(deps));
  staff.route('/', feedCheckAdminRoutes(deps));
  staff.route('/', episodeAdminRoutes(deps));
  staff.route('/', draftAdminRoutes(deps));
  staff.route('/', peopleRoutes(deps));
  if (deps.reports) staff.route('/', downloadsAdminRoutes({ ...deps, reports: deps.reports }));
  if (deps.organisation)
    staff.route('/', organisationAdminRoutes({ logger: deps.logger, organisation: deps.organisation }));
  if (deps.moving) staff.route('/', importAdminRoutes({ logger: deps.logger, ...deps.moving }));
  // Uploads and the events stream are the API's own handlers, behind the session and the show limit.
  staff.on(['PATCH', 'HEAD', 'DELETE'], '/uploads/*', async (c, next) => {
    requireRole(c, 'editor');
    await next();
    // The last PATCH names the processing job: that is when the recording was uploaded.
    const jobId = c.res.headers.get('zender-job-id');
    const episode = jobId ? await deps.media.episodeOfJob(jobId) : null;
    if (episode)
      await deps.audit.record(actorOf(c), 'episode.uploaded', {
        showId: episode.showId,
        episodeId: episode.id,
        subject: episode.title,
      });
  });
  staff.on(['POST'], '/uploads', async (c, next) => {
    requireRole(c, 'editor');
    const episodeId = metadataValue(c.req.header('upload-metadata'), 'episodeId');
    if (!episodeId) return c.text('Upload-Metadata must contain episodeId', 400);
    requireShowAccess(c, (await deps.episodes.get(episodeId)).showId);
    await next();
  });
  staff.get('/episodes/:episodeId/events', async (c, next) => {
    requireShowAccess(c, (await deps.episodes.get(c.req.param('episodeId'))).showId);
    await next();
  });
  staff.route('/', deps.uploads);
  staff.route('/', deps.events);

  staff.onError(async (error, c) => {
    const ctx = c.get('ctx') ?? buildContext(c, { user: null, csrfToken: '', assets, nav });
    if (error instanceof StaffForbiddenError)
      return renderAdmin(c, ctx, {
        title: ctx.t.forbiddenTitle,
        status: 403,
        error: ctx.t.forbiddenText,
        body: null,
      });
    // One mapping from errors to status and sentence (the API's), shown as a page.
    const answer = toProblem(error, c);
    const problem = (await answer.json()) as {
      title: string;
      detail: string;
      errors?: { message: string }[];
    };
    return renderAdmin(c, ctx, {
      title: answer.status === 404 ? ctx.t.notFoundTitle : problem.title,
      status: answer.status,
      error: answer.status === 404 ? ctx.t.notFoundText : problem.detail,
      body: problem.errors && (
        <ul class="za-problems">
          {problem.errors.map((e) => (
            <li>{e.message}</li>
          ))}
        </ul>
      ),
    });
  });
  app.route('/', staff);
  return app;
}
