import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { channels as socialChannels } from '../../social/channels.js';
import { type WebhooksService, webhookEvents } from '../../webhooks/webhooks-service.js';
import type { AppEnv } from '../app-env.js';
import { bearer, errorResponses, httpUrl, idParam } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Webhooks'];
const webhookSchema = z
  .object({
    id: z.string(),
    showId: z.string(),
    url: z.string(),
    events: z.array(z.enum(webhookEvents)),
    channels: z.array(z.enum(socialChannels)).nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Webhook');
const createdSchema = webhookSchema
  .extend({
    secret: z.string().openapi({ description: 'whsec_…: shown once; verify deliveries with it' }),
  })
  .openapi('WebhookWithSecret');
const inputSchema = z
  .object({
    url: httpUrl,
    events: z.array(z.enum(webhookEvents)).min(1),
    channels: z.array(z.enum(socialChannels)).optional(),
  })
  .openapi('WebhookInput');
const deliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    log: z.array(
      z.object({
        at: z.string(),
        status: z.number().nullable(),
        error: z.string().nullable(),
        ms: z.number(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

/** A show's webhook subscriptions (Standard Webhooks) and their delivery log. */
export function webhooksRoutes(deps: { webhooks: WebhooksService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { webhooks } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/shows/{showId}/webhooks',
      tags,
      security: bearer,
      request: {
        params: idParam('showId'),
        body: { content: { 'application/json': { schema: inputSchema } }, required: true },
      },
      responses: {
        201: {
          description: 'Subscribed; the only answer that holds the secret',
          content: { 'application/json': { schema: createdSchema } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const created = await webhooks.create(
        c.req.valid('param').showId,
        c.req.valid('json'),
        c.get('principal').name,
      );
      c.header('location', `/api/v1/webhooks/${created.id}`);
      c.header('cache-control', 'no-store');
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{showId}/webhooks',
      tags,
      security: bearer,
      request: { params: idParam('showId') },
      responses: {
        200: {
          description: 'Subscriptions, without secrets',
          content: { 'application/json': { schema: z.object({ items: z.array(webhookSchema) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await webhooks.list(c.req.valid('param').showId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/webhooks/{webhookId}',
      tags,
      security: bearer,
      request: { params: idParam('webhookId') },
      responses: { 204: { description: 'Unsubscribed; pending deliveries are dropped' }, ...errorResponses },
    }),
    async (c) => {
      await webhooks.remove(c.req.valid('param').webhookId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/webhooks/{webhookId}/deliveries',
      tags,
      security: bearer,
      request: { params: idParam('webhookId') },
      responses: {
        200: {
          description: 'The latest deliveries, newest first, with each attempt',
          content: { 'application/json': { schema: z.object({ items: z.array(deliverySchema) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await webhooks.deliveries(c.req.valid('param').webhookId) }, 200),
  );

  return app;
}
