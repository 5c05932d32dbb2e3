import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { channels as socialChannels } from '../../social/channels.js';
import { type WebhooksService, webhookEvents } from '../../webhooks/webhooks-service.js';
import type { AppEnv } from '../app-env.js';
import { webhookDeliveryExample, webhookExample } from '../schemas/api-examples.js';
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
  .openapi('Webhook', { example: webhookExample });
const createdSchema = webhookSchema
  .extend({
    secret: z.string().openapi({ description: 'whsec_…: shown once; verify deliveries with it' }),
  })
  .openapi('WebhookWithSecret', {
    example: { ...webhookExample, secret: 'whsec_cphuleKDVMA/HEsFXe/vaK1lexrnR1O2QzKMwYTgaE4=' },
  });
const inputSchema = z
  .object({
    url: httpUrl,
    events: z.array(z.enum(webhookEvents)).min(1),
    channels: z.array(z.enum(socialChannels)).optional(),
  })
  .openapi('WebhookInput', {
    example: { url: 'https://hooks.example.nl/zender', events: ['episode.published', 'draft.approved'] },
  });
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
  .openapi('WebhookDelivery', { example: webhookDeliveryExample });

/** A show's webhook subscriptions (Standard Webhooks) and their delivery log. */
export function webhooksRoutes(deps: { webhooks: WebhooksService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { webhooks } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/shows/{showId}/webhooks',
      summary: "Subscribe a URL to a show's events",
      description:
        'Deliveries are signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature with the secret) and retried with back-off; a 410 Gone answer stops the retries. Events: episode.published, episode.scheduled, draft.approved, draft.rejected. The secret is in this answer only.',
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
      summary: "List a show's webhook subscriptions",
      description: 'Without their secrets.',
      tags,
      security: bearer,
      request: { params: idParam('showId') },
      responses: {
        200: {
          description: 'Subscriptions, without secrets',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(webhookSchema) }),
              example: { items: [webhookExample] },
            },
          },
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
      summary: 'Unsubscribe',
      description: 'Removes the subscription; deliveries still waiting are dropped.',
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
      summary: 'Read the delivery log of a subscription',
      description:
        "The latest deliveries, newest first, each with every attempt's status, error and duration.",
      tags,
      security: bearer,
      request: { params: idParam('webhookId') },
      responses: {
        200: {
          description: 'The latest deliveries, newest first, with each attempt',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(deliverySchema) }),
              example: { items: [webhookDeliveryExample] },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await webhooks.deliveries(c.req.valid('param').webhookId) }, 200),
  );

  return app;
}
