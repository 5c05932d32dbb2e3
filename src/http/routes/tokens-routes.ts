import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { roles, type TokensService } from '../../domain/tokens-service.js';
import type { AppEnv } from '../app-env.js';
import { tokenExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam, text } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Tokens'];
const tokenSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(roles),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    showIds: z.array(z.string()).nullable(),
  })
  .openapi('Token');

/** Token management: admin only (see the authenticate middleware's policy). */
export function tokensRoutes({ tokens }: { tokens: TokensService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      summary: 'List API tokens (admin)',
      description: 'Every token with its role and last use; secrets are stored hashed and never shown again.',
      tags,
      security: bearer,
      responses: {
        200: {
          description: 'All tokens (never their secrets)',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(tokenSummary) }),
              example: { items: [tokenExample] },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await tokens.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      summary: 'Create an API token (admin)',
      description: 'Creates a token for a person or a tool. The secret (`token`) is in this answer only.',
      tags,
      security: bearer,
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                name: text(100).min(1),
                role: z.enum(roles),
                /** Limit the token to these shows; absent or null: every show. */
                showIds: z.array(z.string().max(100)).max(500).nullable().optional(),
              }),
              example: { name: 'Redactie', role: 'editor' },
            },
          },
          required: true,
        },
      },
      responses: {
        201: {
          description: 'The new token; its secret is shown this once',
          content: {
            'application/json': {
              schema: z.object({
                id: z.string(),
                name: z.string(),
                role: z.enum(roles),
                token: z.string(),
                showIds: z.array(z.string()).nullable(),
              }),
              example: {
                id: tokenExample.id,
                name: 'Redactie',
                role: 'editor',
                token: 'zt_Sv3zMaahqTHrjRIpZw0roQ7AegAp8rDthBWRZ8t6xOs',
                showIds: null,
              },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { name, role, showIds } = c.req.valid('json');
      return c.json(await tokens.create(name, role, showIds ?? null), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{tokenId}',
      summary: 'Revoke an API token (admin)',
      description: 'The token stops working at once; it stays listed as revoked.',
      tags,
      security: bearer,
      request: { params: idParam('tokenId') },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await tokens.revoke(c.req.valid('param').tokenId);
      return c.body(null, 204);
    },
  );

  return app;
}
