import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Context, Hono } from 'hono';
import { channels as socialChannels } from '../../social/channels.js';
import type { ShareImages } from '../../social/share-image.js';
import type { Actor } from '../../social/social-draft.js';
import type { SocialDraftsService } from '../../social/social-drafts-service.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AppEnv } from '../app-env.js';
import { noneMatchHit } from '../conditional-request.js';
import { socialDraftExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam, problemSchema, text } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const tags = ['Social'];
const actorSchema = z.object({ tokenId: z.string(), name: z.string() });
const draftSchema = z
  .object({
    id: z.string(),
    episodeId: z.string(),
    channel: z.enum(socialChannels),
    label: z.string(),
    text: z.string(),
    length: z.number().int().openapi({ description: "Measured the channel's own way" }),
    limit: z.number().int(),
    fits: z.boolean(),
    status: z.enum(['draft', 'approved', 'delivered', 'rejected']),
    link: z.string(),
    facets: z.array(z.unknown()).optional().openapi({ description: 'Bluesky: app.bsky.richtext.facet' }),
    image: z.object({ url: z.string(), alt: z.string(), width: z.number(), height: z.number() }).nullable(),
    history: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        by: actorSchema.nullable(),
        status: z.string(),
        note: z.string().optional(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SocialDraft', { example: socialDraftExample });
const draftJson = { 'application/json': { schema: draftSchema } };
const listJson = {
  'application/json': {
    schema: z.object({ items: z.array(draftSchema) }),
    example: { items: [socialDraftExample] },
  },
};
const draftParams = idParam('draftId');
const refusals = {
  409: {
    description: 'Not allowed in the draft’s state',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
  422: {
    description: 'Longer than the channel allows',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
};

function actor(c: Context<AppEnv>): Actor {
  const principal = c.get('principal');
  return { tokenId: principal.tokenId, name: principal.name };
}

/** True when the client ranks text/plain above JSON (copy-paste tools, curl -H 'Accept: text/plain'). */
function wantsText(accept: string | undefined): boolean {
  const q = (type: string) => {
    for (const part of (accept ?? '').toLowerCase().split(',')) {
      const [name, ...params] = part.trim().split(';');
      if (name.trim() !== type) continue;
      const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return weight ? Number(weight.slice(2)) || 0 : 1;
    }
    return -1;
  };
  const plain = q('text/plain');
  return plain > 0 && plain > q('application/json');
}

/** Social drafts of an episode: list, read (JSON or plain text), edit, approve, reject, regenerate. */
export function socialRoutes(deps: { drafts: SocialDraftsService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { drafts } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{episodeId}/social-drafts',
      summary: "List an episode's social-media drafts",
      description:
        "One draft per channel the show posts to, made when the episode is published or scheduled, with the length measured the channel's own way.",
      tags,
      security: bearer,
      request: { params: idParam('episodeId') },
      responses: { 200: { description: 'One draft per channel', content: listJson }, ...errorResponses },
    }),
    async (c) => c.json({ items: await drafts.list(c.req.valid('param').episodeId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{episodeId}/social-drafts/regenerate',
      summary: 'Make the drafts again from the templates',
      description:
        'Every draft not yet delivered is rewritten from the templates and the current episode and set back to `draft` (an approval was of the old text); delivered ones stay as history.',
      tags,
      security: bearer,
      request: { params: idParam('episodeId') },
      responses: {
        200: { description: 'Fresh drafts from the templates', content: listJson },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await drafts.regenerate(c.req.valid('param').episodeId, actor(c)) }, 200),
  );

  // A plain route: the answer is JSON or text/plain by Accept, which a typed route cannot express.
  app.get('/social-drafts/:draftId', async (c) => {
    const draft = await drafts.get(c.req.param('draftId'));
    if (wantsText(c.req.header('accept'))) return c.text(draft.text, 200, { vary: 'Accept' });
    return c.json(draft, 200, { vary: 'Accept' });
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/social-drafts/{draftId}',
    summary: 'Read a social-media draft',
    description: 'The draft as JSON, or with `Accept: text/plain` only its text, ready to paste.',
    tags,
    security: bearer,
    request: { params: draftParams },
    responses: {
      200: {
        description: 'The draft; with Accept: text/plain only its text, for copy-paste',
        content: { ...draftJson, 'text/plain': { schema: z.string(), example: socialDraftExample.text } },
      },
      ...errorResponses,
    },
  });

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/social-drafts/{draftId}',
      summary: "Edit a draft's text",
      description:
        'Only a draft in status `draft` can be edited (409 otherwise); the history records who edited. Longer than the channel allows answers 422.',
      tags,
      security: bearer,
      request: {
        params: draftParams,
        body: {
          content: {
            'application/json': {
              schema: z.object({ text: text(70_000).min(1) }),
              example: {
                text: 'Nieuw: hoe een gemeente bewoners betrekt bij de Omgevingswet. Luister: https://podcast.example.nl/s/1',
              },
            },
          },
          required: true,
        },
      },
      responses: { 200: { description: 'Edited', content: draftJson }, ...errorResponses, ...refusals },
    }),
    async (c) =>
      c.json(await drafts.edit(c.req.valid('param').draftId, c.req.valid('json').text, actor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/social-drafts/{draftId}/approve',
      summary: 'Approve a draft',
      description:
        'Approved drafts go out to webhook subscribers (event `draft.approved`); the history records who approved.',
      tags,
      security: bearer,
      request: { params: draftParams },
      responses: { 200: { description: 'Approved', content: draftJson }, ...errorResponses, ...refusals },
    }),
    async (c) => c.json(await drafts.approve(c.req.valid('param').draftId, actor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/social-drafts/{draftId}/reject',
      summary: 'Reject a draft',
      description:
        'A draft, or an approval not yet delivered, can be rejected, with an optional note; pending deliveries stop and subscribers get `draft.rejected`. The history records who rejected.',
      tags,
      security: bearer,
      request: {
        params: draftParams,
        body: {
          content: {
            'application/json': {
              schema: z.object({ reason: text(500).optional() }),
              example: { reason: 'Eerst de toestemming van de gast afwachten.' },
            },
          },
          required: false,
        },
      },
      responses: { 200: { description: 'Rejected', content: draftJson }, ...errorResponses, ...refusals },
    }),
    async (c) => {
      const body = c.req.valid('json') ?? {};
      return c.json(await drafts.reject(c.req.valid('param').draftId, actor(c), body.reason), 200);
    },
  );

  return app;
}

/**
 * The public share image of a published episode (also its og:image). Mount before the general
 * /media routes, which would otherwise answer this path with 404.
 */
export function shareImageRoutes(deps: { shareImages: ShareImages; store: BlobStore }) {
  const app = new Hono();
  app.on(['GET', 'HEAD'], '/media/:showSlug/:episodeSlug/share.png', async (c) => {
    const file = await deps.shareImages.resolvePublic(c.req.param('showSlug'), c.req.param('episodeSlug'));
    if (!file) return c.text('Not found', 404);
    const redirect = await deps.store.url(file.key);
    if (redirect) return c.redirect(redirect, 302);
    const headers = {
      'content-type': 'image/png',
      'content-length': String(file.size),
      etag: `"${file.sha256.slice(0, 32)}"`,
      // The URL stays when the image is drawn again (a new title), so caches must revalidate.
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    };
    if (noneMatchHit(c.req.header('if-none-match'), headers.etag)) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const { body } = await deps.store.get(file.key);
    return c.body(Readable.toWeb(body) as ReadableStream, 200, headers);
  });
  return app;
}
