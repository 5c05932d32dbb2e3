import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { OrganisationService } from '../../domain/organisation-service.js';
import { roleAllows } from '../../domain/tokens-service.js';
import type { AppEnv } from '../app-env.js';
import { problem } from '../problem.js';
import { organisationExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, httpUrl, problemSchema, text } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';
import { readImage } from './artwork-routes.js';

const tags = ['Organisation'];
const statementText = text(50_000).nullable();
const statementTexts = z.object({ nl: statementText, en: statementText });
const footerLink = z.object({
  label: text(80).min(1),
  url: z.union([httpUrl, z.string().regex(/^mailto:[^\s<>"]{3,200}$/, 'use an http(s) or mailto: link')]),
});

const organisationSchema = z
  .object({
    name: z.string(),
    website: z.string().nullable(),
    accentColor: z.string().nullable(),
    logoUrl: z.string().nullable(),
    footerLinks: z.array(footerLink),
    statements: z.object({ privacy: statementTexts, accessibility: statementTexts }),
    updatedAt: z.string().nullable(),
  })
  .openapi('Organisation', { example: organisationExample });

const patchSchema = z
  .object({
    name: text(200).min(1).optional(),
    website: httpUrl.nullable().optional(),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
      .nullable()
      .optional()
      .openapi({ example: '#154273' }),
    footerLinks: z.array(footerLink).max(12).optional(),
    statements: z
      .object({ privacy: statementTexts.partial(), accessibility: statementTexts.partial() })
      .partial()
      .optional(),
  })
  .strict()
  .openapi('OrganisationPatch', {
    example: {
      name: 'Kennisplatform Mensenrechten',
      accentColor: '#154273',
      footerLinks: [{ label: 'Contact', url: 'mailto:podcast@example.nl' }],
    },
  });

const refused = {
  description: 'Refused, with the reason (a colour without enough contrast, an unusable logo)',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Writing the organisation's settings is for admins; every token may read them. */
const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const held = c.get('principal').role;
  if (!roleAllows(held, 'admin')) return problem(c, 'forbidden', { params: { needed: 'admin', held } });
  await next();
};

/** `/organisation`: name, logo, brand colour, footer links and statements of the public pages. */
export function organisationRoutes(deps: {
  organisation: OrganisationService;
  logoUrl: (key: string) => string;
}) {
  const { organisation } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const view = (o: Awaited<ReturnType<OrganisationService['get']>>) => {
    const { logo, ...rest } = o;
    return { ...rest, logoUrl: logo ? deps.logoUrl(logo.key) : null };
  };
  const ok = {
    description: 'The organisation',
    content: { 'application/json': { schema: organisationSchema } },
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisation',
      tags,
      summary: 'Read the organisation settings',
      description:
        'Name, website, brand colour, logo, footer links and the statement texts (null: the default text).',
      security: bearer,
      responses: { 200: ok, ...errorResponses },
    }),
    async (c) => c.json(view(await organisation.get()), 200),
  );

  app.use('/organisation', async (c, next) => (c.req.method === 'GET' ? next() : adminOnly(c, next)));
  app.use('/organisation/*', adminOnly);

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/organisation',
      tags,
      summary: 'Change the organisation settings (admin)',
      description:
        'Only the fields given change. The accent colour must reach 4.5:1 contrast on the white page background; a statement text set to null returns to the default text.',
      security: bearer,
      request: { body: { content: { 'application/json': { schema: patchSchema } }, required: true } },
      responses: { 200: ok, ...errorResponses, 422: refused },
    }),
    async (c) => c.json(view(await organisation.update(c.req.valid('json'))), 200),
  );

  const image = { schema: z.string().openapi({ format: 'binary' }) };
  app.openapi(
    createRoute({
      method: 'put',
      path: '/organisation/logo',
      tags,
      summary: 'Upload the logo (admin)',
      description:
        'A PNG, or an SVG without links, scripts or external references. It is stored as a PNG at most 128 px high, so nothing inside an SVG reaches visitors.',
      security: bearer,
      request: {
        body: { content: { 'image/png': image, 'image/svg+xml': image }, required: true },
      },
      responses: { 200: ok, ...errorResponses, 422: refused },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      return c.json(view(await organisation.setLogo(type, await readImage(c.req.raw))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/organisation/logo',
      tags,
      summary: 'Remove the logo (admin)',
      description: 'The public pages show the organisation name instead.',
      security: bearer,
      responses: { 200: ok, ...errorResponses },
    }),
    async (c) => c.json(view(await organisation.removeLogo()), 200),
  );

  return app;
}
