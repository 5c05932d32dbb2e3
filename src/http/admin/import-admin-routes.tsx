import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Logger } from '../../common/logger.js';
import type { ShowExport } from '../../moving/export-show.js';
import type { ImportsService } from '../../moving/imports-service.js';
import { importLabels } from '../../web/admin/import-labels.js';
import { type ImportFormState, ImportStatusPage, ImportsPage } from '../../web/admin/imports-page.js';
import { archiveResponse } from '../archive-response.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { errorDescriber } from './describe-error.js';
import { canSeeShow, requireRole, requireShowAccess } from './staff-access.js';

export interface ImportAdminDeps {
  logger: Logger;
  imports: ImportsService;
  exporter: ShowExport;
}

const isWebAddress = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Moving in and out from the staff screens: start an RSS import (editors, as POST /api/v1/imports),
 * follow it, and download a show's export archive through the session (anyone who may read the
 * show, as GET /api/v1/shows/{id}/export), so no token is needed in the browser.
 */
export function importAdminRoutes(deps: ImportAdminDeps) {
  const app = new Hono<AdminEnv>();
  const describe = errorDescriber(deps.logger);

  function startPage(c: Context<AdminEnv>, form: ImportFormState, status = 200) {
    requireRole(c, 'editor');
    const ctx = c.get('ctx');
    const l = importLabels[ctx.locale];
    return renderAdmin(c, ctx, {
      title: l.title,
      status,
      error: form.error ? ctx.t.formErrors : null,
      body: <ImportsPage ctx={ctx} form={form} />,
    });
  }

  app.get('/imports', (c) => startPage(c, { feedUrl: '', processAudio: false }));

  app.post('/imports', async (c) => {
    requireRole(c, 'editor');
    const body = await c.req.parseBody();
    const form: ImportFormState = {
      feedUrl: typeof body.feedUrl === 'string' ? body.feedUrl.trim().slice(0, 2000) : '',
      processAudio: body.processAudio === 'on',
    };
    const l = importLabels[c.get('ctx').locale];
    if (!isWebAddress(form.feedUrl)) return startPage(c, { ...form, error: l.feedUrlInvalid }, 400);
    try {
      const started = await deps.imports.start(form);
      return c.redirect(`/admin/imports/${started.id}?started=1`, 303);
    } catch (error) {
      const problem = await describe(error, c);
      // The API's own sentence (Dutch or English), next to the field it is about.
      return startPage(c, { ...form, error: problem.detail }, problem.status);
    }
  });

  app.get('/imports/:importId', async (c) => {
    requireRole(c, 'editor');
    const ctx = c.get('ctx');
    const view = await deps.imports.get(c.req.param('importId'));
    return renderAdmin(c, ctx, {
      title: importLabels[ctx.locale].statusTitle,
      notice: c.req.query('started') ? importLabels[ctx.locale].started : null,
      body: (
        <ImportStatusPage ctx={ctx} view={view} canOpenShow={!!view.showId && canSeeShow(c, view.showId)} />
      ),
    });
  });

  app.get('/shows/:showId/export', async (c) => {
    const showId = c.req.param('showId');
    requireShowAccess(c, showId);
    const { slug, stream } = await deps.exporter.open(showId);
    return archiveResponse(slug, stream);
  });

  return app;
}
