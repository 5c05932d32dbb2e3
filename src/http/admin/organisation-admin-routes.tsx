import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Logger } from '../../common/logger.js';
import type { FooterLink, Organisation } from '../../domain/organisation.js';
import type { OrganisationPatch, OrganisationService } from '../../domain/organisation-service.js';
import { organisationLabels } from '../../web/admin/organisation-labels.js';
import {
  type OrganisationField,
  type OrganisationFormValues,
  OrganisationPage,
  type StatementField,
  statementFields,
} from '../../web/admin/organisation-page.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { errorDescriber } from './describe-error.js';
import { requireRole } from './staff-access.js';

export interface OrganisationAdminDeps {
  logger: Logger;
  organisation: OrganisationService;
}

type Errors = Partial<Record<OrganisationField, string>>;

const statementPath = (field: StatementField) =>
  [field.startsWith('privacy') ? 'privacy' : 'accessibility', field.endsWith('Nl') ? 'nl' : 'en'] as const;

function valuesOf(org: Organisation): OrganisationFormValues {
  const statements = {} as Record<StatementField, string>;
  for (const field of statementFields) {
    const [kind, language] = statementPath(field);
    statements[field] = org.statements[kind][language] ?? '';
  }
  return {
    name: org.name,
    website: org.website ?? '',
    accentColor: org.accentColor ?? '',
    footerLinks: org.footerLinks,
    statements,
  };
}

const isHttp = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const isLink = (value: string) => isHttp(value) || /^mailto:[^\s<>"]{3,200}$/.test(value);
const field = (form: Record<string, unknown>, name: string, max: number) =>
  typeof form[name] === 'string' ? (form[name] as string).trim().slice(0, max) : '';

/**
 * The organisation behind the public pages, for admins (as PATCH /api/v1/organisation): a
 * refused value is shown next to its field with the service's reason and nothing typed is lost.
 */
export function organisationAdminRoutes(deps: OrganisationAdminDeps) {
  const app = new Hono<AdminEnv>();
  const describe = errorDescriber(deps.logger);
  app.use('/organisation/*', async (c, next) => {
    requireRole(c, 'admin');
    await next();
  });

  async function page(
    c: Context<AdminEnv>,
    extra: { values?: OrganisationFormValues; errors?: Errors; status?: number; notice?: string } = {},
  ) {
    requireRole(c, 'admin');
    const ctx = c.get('ctx');
    const l = organisationLabels[ctx.locale];
    const org = await deps.organisation.get();
    const errors = extra.errors ?? {};
    const hasDefault = {} as Record<StatementField, boolean>;
    for (const f of statementFields) {
      const [kind, language] = statementPath(f);
      hasDefault[f] = org.statements[kind][language] === null;
    }
    return renderAdmin(c, ctx, {
      title: l.title,
      status: extra.status,
      notice: extra.notice ?? (c.req.query('done') === 'saved' ? l.saved : null),
      error: Object.keys(errors).length > 0 ? ctx.t.formErrors : null,
      body: (
        <OrganisationPage
          ctx={ctx}
          values={extra.values ?? valuesOf(org)}
          errors={errors}
          logoUrl={org.logo ? `/${org.logo.key}` : null}
          hasDefault={hasDefault}
        />
      ),
    });
  }

  app.get('/organisation', (c) => page(c));

  app.post('/organisation', async (c) => {
    requireRole(c, 'admin');
    const l = organisationLabels[c.get('ctx').locale];
    const form = await c.req.parseBody();
    const links: FooterLink[] = [];
    let linksOk = true;
    for (let i = 0; i < 12; i++) {
      const label = field(form, `linkLabel${i}`, 80);
      const url = field(form, `linkUrl${i}`, 2000);
      if (!label && !url) continue;
      if (!label || !isLink(url)) linksOk = false;
      links.push({ label, url });
    }
    const values: OrganisationFormValues = {
      name: field(form, 'name', 200),
      website: field(form, 'website', 2000),
      accentColor: field(form, 'accentColor', 20),
      footerLinks: links,
      statements: Object.fromEntries(
        statementFields.map((f) => [
          f,
          typeof form[f] === 'string' ? (form[f] as string).slice(0, 50_000) : '',
        ]),
      ) as Record<StatementField, string>,
    };
    const errors: Errors = {};
    if (!values.name) errors.name = l.nameMissing;
    if (values.website && !isHttp(values.website)) errors.website = l.urlInvalid;
    if (!linksOk) errors.footerLinks = l.linkInvalid;
    if (Object.keys(errors).length > 0) return page(c, { values, errors, status: 400 });
    const statements: NonNullable<OrganisationPatch['statements']> = {};
    for (const f of statementFields) {
      const [kind, language] = statementPath(f);
      const text = values.statements[f].trim();
      statements[kind] = { ...statements[kind], [language]: text ? values.statements[f] : null };
    }
    try {
      await deps.organisation.update({
        name: values.name,
        website: values.website || null,
        accentColor: values.accentColor || null,
        footerLinks: links,
        statements,
      });
    } catch (error) {
      const problem = await describe(error, c);
      // Only the colour is refused by the service; its sentence gives the contrast it has and needs.
      return page(c, { values, errors: { accentColor: problem.detail }, status: problem.status });
    }
    return c.redirect('/admin/organisation?done=saved', 303);
  });

  app.post('/organisation/reset', async (c) => {
    const chosen = (await c.req.parseBody()).statement;
    const f = statementFields.find((name) => name === chosen);
    if (f) {
      const [kind, language] = statementPath(f);
      await deps.organisation.update({ statements: { [kind]: { [language]: null } } });
    }
    return c.redirect('/admin/organisation?done=saved', 303);
  });

  app.post('/organisation/logo', async (c) => {
    const l = organisationLabels[c.get('ctx').locale];
    const file = (await c.req.parseBody()).logo;
    if (!(file instanceof File) || file.size === 0)
      return page(c, { errors: { logo: l.logoMissing }, status: 400 });
    try {
      await deps.organisation.setLogo(file.type, Buffer.from(await file.arrayBuffer()));
    } catch (error) {
      const problem = await describe(error, c);
      return page(c, { errors: { logo: problem.detail }, status: problem.status });
    }
    return c.redirect('/admin/organisation?done=saved#logo', 303);
  });

  app.post('/organisation/logo/remove', async (c) => {
    await deps.organisation.removeLogo();
    return c.redirect('/admin/organisation?done=saved#logo', 303);
  });

  return app;
}
