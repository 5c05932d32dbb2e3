import type { Context } from 'hono';
import { Hono } from 'hono';
import { ConflictError, InvalidInputError } from '../../domain/errors.js';
import { type Role, roles } from '../../domain/tokens-service.js';
import { PeoplePage } from '../../web/admin/people-page.js';
import { TokensPage } from '../../web/admin/tokens-page.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { requireRole } from './staff-access.js';

type Form = Record<string, string | File | (string | File)[]>;

const roleOf = (value: unknown): Role => (roles.includes(value as Role) ? (value as Role) : 'viewer');
const showIdsOf = (form: Form): string[] | null => {
  const ids = ([] as unknown[]).concat(form.showIds ?? []).filter((v): v is string => typeof v === 'string');
  return ids.length > 0 ? ids : null;
};

/** People and API tokens: admins only. */
export function peopleRoutes(deps: AdminDeps & { baseUrl: string }) {
  const app = new Hono<AdminEnv>();
  app.use('/people/*', async (c, next) => {
    requireRole(c, 'admin');
    await next();
  });
  app.use('/tokens/*', async (c, next) => {
    requireRole(c, 'admin');
    await next();
  });

  const allShows = async () => (await deps.shows.list({ limit: 500 })).items;
  const inviteUrl = (token: string) => `${deps.baseUrl}/admin/invitation/${token}`;

  async function people(
    c: Context<AdminEnv>,
    extra: { link?: { name: string; url: string }; formError?: string; status?: number } = {},
  ) {
    requireRole(c, 'admin');
    const ctx = c.get('ctx');
    return renderAdmin(c, ctx, {
      title: ctx.t.peopleTitle,
      status: extra.status,
      error: extra.formError ? ctx.t.formErrors : null,
      body: (
        <PeoplePage
          ctx={ctx}
          users={await deps.users.list()}
          shows={await allShows()}
          link={extra.link}
          formError={extra.formError}
        />
      ),
    });
  }

  app.get('/people', (c) => people(c));

  app.post('/people', async (c) => {
    requireRole(c, 'admin');
    const form = await c.req.parseBody({ all: true });
    const t = c.get('ctx').t;
    try {
      const user = await deps.users.create({
        email: typeof form.email === 'string' ? form.email : '',
        name: typeof form.name === 'string' ? form.name : '',
        role: roleOf(form.role),
        showIds: showIdsOf(form),
      });
      const { token } = await deps.users.invite(user.id);
      return people(c, { link: { name: user.name, url: inviteUrl(token) } });
    } catch (error) {
      if (error instanceof ConflictError)
        return people(c, { formError: `${t.email}: ${error.params.email}`, status: 409 });
      if (error instanceof InvalidInputError) return people(c, { formError: t.invalidEmail, status: 400 });
      throw error;
    }
  });

  app.post('/people/:userId', async (c) => {
    const id = c.req.param('userId');
    const form = await c.req.parseBody({ all: true });
    const self = c.get('staff').user.id === id;
    if (form.action === 'reset') {
      const user = await deps.users.get(id);
      const { token } = await deps.users.invite(id);
      return people(c, { link: { name: user.name, url: inviteUrl(token) } });
    }
    // An admin cannot lock themselves out by accident: no self-disable, no self-demotion.
    if (form.action === 'disable' && !self) await deps.users.setDisabled(id, true);
    else if (form.action === 'enable') await deps.users.setDisabled(id, false);
    else if (form.action === 'save')
      await deps.users.update(id, {
        role: self ? 'admin' : roleOf(form.role),
        showIds: self ? null : showIdsOf(form),
      });
    return c.redirect('/admin/people', 303);
  });

  async function tokens(c: Context<AdminEnv>, created?: string) {
    requireRole(c, 'admin');
    const ctx = c.get('ctx');
    return renderAdmin(c, ctx, {
      title: ctx.t.tokensTitle,
      body: (
        <TokensPage ctx={ctx} tokens={await deps.tokens.list()} shows={await allShows()} created={created} />
      ),
    });
  }

  app.get('/tokens', (c) => tokens(c));

  app.post('/tokens', async (c) => {
    requireRole(c, 'admin');
    const form = await c.req.parseBody({ all: true });
    const name = typeof form.name === 'string' ? form.name.trim().slice(0, 100) : '';
    if (!name) return tokens(c);
    const created = await deps.tokens.create(name, roleOf(form.role), showIdsOf(form));
    return tokens(c, created.token);
  });

  app.post('/tokens/:tokenId/revoke', async (c) => {
    requireRole(c, 'admin');
    await deps.tokens.revoke(c.req.param('tokenId'));
    return c.redirect('/admin/tokens', 303);
  });

  return app;
}
