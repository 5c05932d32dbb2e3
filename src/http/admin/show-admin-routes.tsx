import type { Context } from 'hono';
import { Hono } from 'hono';
import { EpisodesSection } from '../../web/admin/episodes-section.js';
import {
  ShowForm,
  type ShowFormErrorKey,
  type ShowFormValues,
  showValues,
} from '../../web/admin/show-form.js';
import { ShowScreen } from '../../web/admin/show-screen.js';
import { type WebhookEvent, webhookEvents } from '../../webhooks/webhooks-service.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { errorDescriber } from './describe-error.js';
import { parseShowForm, showFormValues } from './show-form-input.js';
import { actorOf, canEdit, requireRole, requireShowAccess, staffOf } from './staff-access.js';

/** Episodes on the show screen; the list screen pages through all of them. */
const FIRST = 10;
const PAGE = 50;

/** The show screens: new show, one show with its episodes, details, artwork and webhooks. */
export function showAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const describe = errorDescriber(deps.logger);

  async function screen(
    c: Context<AdminEnv>,
    showId: string,
    extra: {
      values?: ShowFormValues;
      errors?: Record<string, ShowFormErrorKey>;
      status?: number;
      error?: string | null;
      notice?: string | null;
      newSecret?: string | null;
    } = {},
  ) {
    requireShowAccess(c, showId);
    const ctx = c.get('ctx');
    const show = await deps.shows.get(showId);
    const page = await deps.episodes.list(showId, { limit: FIRST });
    const [problems, webhooks, history] = await Promise.all([
      deps.publishing.check(showId),
      deps.webhooks.list(showId),
      deps.audit.list({ showId }, 30),
    ]);
    return renderAdmin(c, ctx, {
      title: show.title,
      status: extra.status,
      error: extra.error,
      notice: extra.notice,
      body: (
        <ShowScreen
          ctx={ctx}
          data={{
            show,
            episodes: page.items,
            nextCursor: page.nextCursor,
            problems,
            webhooks,
            history,
            canEdit: canEdit(c),
            canDelete: staffOf(c).role === 'admin',
            values: extra.values ?? showValues(show),
            errors: extra.errors ?? {},
            newSecret: extra.newSecret,
            defaultLufs: deps.defaultLoudnessLufs,
          }}
        />
      ),
    });
  }

  function newShowPage(
    c: Context<AdminEnv>,
    values: ShowFormValues,
    errors: Record<string, ShowFormErrorKey>,
    status = 200,
  ) {
    const ctx = c.get('ctx');
    return renderAdmin(c, ctx, {
      title: ctx.t.showTitleNew,
      status,
      error: Object.keys(errors).length > 0 ? ctx.t.formErrors : null,
      body: (
        <ShowForm
          ctx={ctx}
          action="/admin/shows"
          values={values}
          errors={errors}
          submit={ctx.t.create}
          defaultLufs={deps.defaultLoudnessLufs}
        />
      ),
    });
  }

  /** A show-limited account cannot make shows: it could not see them afterwards. */
  function requireCreator(c: Context<AdminEnv>) {
    requireRole(c, 'editor');
    if (staffOf(c).showIds !== null) requireRole(c, 'admin');
  }

  app.get('/shows/new', (c) => {
    requireCreator(c);
    return newShowPage(c, showValues(null), {});
  });

  app.post('/shows', async (c) => {
    requireCreator(c);
    const values = showFormValues(await c.req.parseBody({ all: true }));
    const parsed = parseShowForm(values);
    if (!parsed.input) return newShowPage(c, values, parsed.errors, 400);
    try {
      const show = await deps.shows.create(parsed.input);
      await deps.audit.record(actorOf(c), 'show.created', { showId: show.id, subject: show.title });
      return c.redirect(`/admin/shows/${show.id}?done=saved`, 303);
    } catch (error) {
      const described = await describe(error, c);
      const errors: Record<string, ShowFormErrorKey> =
        described.status === 409 ? { title: 'slugTaken' } : { title: 'invalidField' };
      return newShowPage(c, values, errors, described.status);
    }
  });

  // The episode list, a page at a time: what `npm run bench` compares with the JSON API's list.
  app.get('/shows/:showId/episodes', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    const ctx = c.get('ctx');
    const show = await deps.shows.get(showId);
    const after = c.req.query('after') || undefined;
    const page = await deps.episodes.list(showId, { limit: PAGE, cursor: after });
    return renderAdmin(c, ctx, {
      title: `${show.title}: ${ctx.t.episodes}`,
      body: (
        <>
          <p class="za-breadcrumb">
            <a href={`/admin/shows/${showId}`}>{show.title}</a>
          </p>
          <EpisodesSection
            ctx={ctx}
            showId={showId}
            episodes={page.items}
            canEdit={canEdit(c)}
            more={
              page.nextCursor
                ? `/admin/shows/${showId}/episodes?after=${encodeURIComponent(page.nextCursor)}`
                : null
            }
          />
        </>
      ),
    });
  });

  app.get('/shows/:showId', (c) =>
    screen(c, c.req.param('showId'), {
      notice:
        c.req.query('done') === 'saved'
          ? c.get('ctx').t.saved
          : c.req.query('done') === 'deleted'
            ? c.get('ctx').t.deleted
            : null,
    }),
  );

  app.post('/shows/:showId', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    requireRole(c, 'editor');
    const values = showFormValues(await c.req.parseBody({ all: true }));
    const parsed = parseShowForm(values);
    if (!parsed.input)
      return screen(c, showId, {
        values,
        errors: parsed.errors,
        status: 400,
        error: c.get('ctx').t.formErrors,
      });
    const show = await deps.shows.update(showId, parsed.input);
    await deps.audit.record(actorOf(c), 'show.edited', { showId, subject: show.title });
    return c.redirect(`/admin/shows/${showId}?done=saved#details`, 303);
  });

  app.post('/shows/:showId/artwork', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    requireRole(c, 'editor');
    const file = (await c.req.parseBody()).artwork;
    if (!(file instanceof File) || file.size === 0)
      return screen(c, showId, { status: 400, error: c.get('ctx').t.artworkHint });
    try {
      await deps.artwork.setShowArtwork(showId, file.type, Buffer.from(await file.arrayBuffer()));
    } catch (error) {
      const described = await describe(error, c);
      const reason = [described.detail, ...described.errors.map((e) => e.message)].join(' ');
      return screen(c, showId, { status: described.status, error: reason });
    }
    await deps.audit.record(actorOf(c), 'show.artwork', { showId, subject: file.name.slice(0, 200) });
    return c.redirect(`/admin/shows/${showId}?done=saved#artwork`, 303);
  });

  app.post('/shows/:showId/webhooks', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    requireRole(c, 'editor');
    const form = await c.req.parseBody({ all: true });
    const url = typeof form.url === 'string' ? form.url.trim() : '';
    const chosen = ([] as unknown[]).concat(form.events ?? []);
    const events = webhookEvents.filter((event) => chosen.includes(event)) as WebhookEvent[];
    try {
      const created = await deps.webhooks.create(
        showId,
        { url, events: events.length ? events : [...webhookEvents] },
        staffOf(c).name,
      );
      await deps.audit.record(actorOf(c), 'webhook.created', { showId, subject: created.url });
      return screen(c, showId, { newSecret: created.secret, notice: c.get('ctx').t.saved });
    } catch (error) {
      const described = await describe(error, c);
      return screen(c, showId, {
        status: described.status,
        error: [described.detail, ...described.errors.map((e) => e.message)].join(' '),
      });
    }
  });

  app.post('/shows/:showId/webhooks/:webhookId/delete', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    requireRole(c, 'editor');
    const hook = (await deps.webhooks.list(showId)).find((w) => w.id === c.req.param('webhookId'));
    if (hook) {
      await deps.webhooks.remove(hook.id);
      await deps.audit.record(actorOf(c), 'webhook.deleted', { showId, subject: hook.url });
    }
    return c.redirect(`/admin/shows/${showId}?done=saved#webhooks`, 303);
  });

  app.post('/shows/:showId/delete', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    requireRole(c, 'admin');
    if ((await c.req.parseBody()).confirm !== 'on')
      return screen(c, showId, { status: 400, error: c.get('ctx').t.confirmMissing });
    const show = await deps.shows.get(showId);
    await deps.shows.remove(showId);
    await deps.audit.record(actorOf(c), 'show.deleted', { showId, subject: show.title });
    return c.redirect('/admin?done=deleted', 303);
  });

  app.post('/shows/:showId/episodes', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    requireRole(c, 'editor');
    const form = await c.req.parseBody();
    const title = typeof form.title === 'string' ? form.title.trim().slice(0, 255) : '';
    if (!title) return screen(c, showId, { status: 400, error: c.get('ctx').t.requiredField });
    const episode = await deps.episodes.create(showId, { title });
    await deps.audit.record(actorOf(c), 'episode.created', {
      showId,
      episodeId: episode.id,
      subject: episode.title,
    });
    return c.redirect(`/admin/episodes/${episode.id}`, 303);
  });

  return app;
}
