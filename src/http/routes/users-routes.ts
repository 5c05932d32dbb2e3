import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { UsersService } from '../../domain/staff/users-service.js';
import { roles } from '../../domain/tokens-service.js';
import type { AppEnv } from '../app-env.js';
import { bearer, errorResponses, idParam, text } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Users'];
const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    showIds: z.array(z.string()).nullable(),
    locale: z.enum(['nl', 'en']).nullable(),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User');
const invitationSchema = z.object({ url: z.string(), expiresAt: z.string() }).openapi('Invitation');

const userExample = {
  id: '5b0f6c1e-8f2a-4c51-9d7e-2f4a3b6c8d90',
  email: 'redactie@gemeente.nl',
  name: 'Eva de Vries',
  role: 'editor' as const,
  showIds: null,
  locale: null,
  disabled: false,
  hasPassword: true,
  lastSignInAt: '2026-12-01T08:15:00.000Z',
  createdAt: '2026-11-28T10:00:00.000Z',
};
const invitationExample = {
  url: 'https://podcast.gemeente.nl/admin/invitation/3dqAYLawZxqA2n-b4WRATh6-wKik8C5ptThgWnK3VT4',
  expiresAt: '2026-12-02T10:00:00.000Z',
};

/** Staff accounts over the API: admin tokens only (see the authenticate middleware's policy). */
export function usersRoutes(deps: { users: UsersService; baseUrl: string }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { users } = deps;
  const invitation = async (id: string) => {
    const { token, expiresAt } = await users.invite(id);
    return { url: `${deps.baseUrl}/admin/invitation/${token}`, expiresAt };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      summary: 'List staff accounts (admin)',
      description:
        'Every account of the staff screens (/admin), with role, show limit and state; never passwords.',
      tags,
      security: bearer,
      responses: {
        200: {
          description: 'Every staff account',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(userSchema) }),
              example: { items: [userExample] },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await users.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      summary: 'Create a staff account (admin)',
      description:
        'Makes an account and answers a one-time link, valid 24 hours, with which its owner chooses a password. No mail is sent: pass the link on.',
      tags,
      security: bearer,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                email: text(254).min(3),
                name: text(100).min(1),
                role: z.enum(roles),
                showIds: z.array(z.string().max(100)).max(500).nullable().optional(),
              }),
              example: { email: 'redactie@gemeente.nl', name: 'Eva de Vries', role: 'editor' },
            },
          },
        },
      },
      responses: {
        201: {
          description: 'The account and its one-time link to set a password (valid 24 hours)',
          content: {
            'application/json': {
              schema: z.object({ user: userSchema, invitation: invitationSchema }),
              example: {
                user: { ...userExample, hasPassword: false, lastSignInAt: null },
                invitation: invitationExample,
              },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const user = await users.create({ ...body, showIds: body.showIds ?? null });
      return c.json({ user, invitation: await invitation(user.id) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{userId}',
      summary: 'Change a staff account (admin)',
      description:
        'Name, role, show limit (`showIds`, null for every show) or `disabled`. Disabling ends every session of the account at once.',
      tags,
      security: bearer,
      request: {
        params: idParam('userId'),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                name: text(100).min(1).optional(),
                role: z.enum(roles).optional(),
                showIds: z.array(z.string().max(100)).max(500).nullable().optional(),
                disabled: z.boolean().optional(),
              }),
              example: { role: 'viewer', disabled: true },
            },
          },
        },
      },
      responses: {
        200: {
          description: 'The changed account',
          content: {
            'application/json': {
              schema: userSchema,
              example: { ...userExample, role: 'viewer', disabled: true },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').userId;
      const { disabled, ...patch } = c.req.valid('json');
      let user = await users.update(id, patch);
      if (disabled !== undefined) user = await users.setDisabled(id, disabled);
      return c.json(user, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users/{userId}/invitation',
      summary: 'New password link for a staff account (admin)',
      description:
        'A new one-time link, valid 24 hours (a password reset); older links of the account stop working.',
      tags,
      security: bearer,
      request: { params: idParam('userId') },
      responses: {
        201: {
          description: 'A new one-time link (a reset); older links stop working',
          content: { 'application/json': { schema: invitationSchema, example: invitationExample } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await invitation(c.req.valid('param').userId), 201),
  );

  return app;
}
