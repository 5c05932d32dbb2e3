import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ArtworkService } from '../../domain/artwork-service.js';
import { TooLargeError } from '../../domain/errors.js';
import type { AppEnv } from '../app-env.js';
import { artworkExample } from '../schemas/api-examples.js';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';
import { validationHook } from '../validation-hook.js';

const maxImageBytes = 20 * 1024 * 1024;
const image = { schema: z.string().openapi({ format: 'binary' }) };
const artworkSchema = z
  .object({ version: z.string(), width: z.number(), keys: z.record(z.string(), z.string()) })
  .openapi('Artwork', { example: artworkExample });
const refused = {
  description: 'Not usable as podcast artwork',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Reads an image body (images are small: buffered, but capped before reading on). */
export async function readImage(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxImageBytes) throw new TooLargeError(maxImageBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxImageBytes) throw new TooLargeError(maxImageBytes);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/** `PUT /shows/{id}/artwork` and `PUT /episodes/{id}/artwork` with JPEG or PNG bytes. */
export function artworkRoutes({ artwork }: { artwork: ArtworkService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const body = { content: { 'image/jpeg': image, 'image/png': image }, required: true };
  const responses = {
    200: {
      description: 'Stored with its renditions',
      content: { 'application/json': { schema: artworkSchema } },
    },
    ...errorResponses,
    422: refused,
  };

  app.openapi(
    createRoute({
      method: 'put',
      path: '/shows/{showId}/artwork',
      summary: "Set the show's artwork",
      description:
        "JPEG or PNG, square, 1400 to 3000 pixels (Apple's rule), up to 20 MiB. Stored with renditions of 300, 600, 1400 and 3000 pixels; the feed and pages use them.",
      tags: ['Artwork'],
      security: bearer,
      request: { params: idParam('showId'), body },
      responses,
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim();
      return c.json(
        await artwork.setShowArtwork(c.req.valid('param').showId, type, await readImage(c.req.raw)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/episodes/{episodeId}/artwork',
      summary: "Set an episode's artwork",
      description: "Like the show's artwork; the episode's item in the feed and its page and embed use it.",
      tags: ['Artwork'],
      security: bearer,
      request: { params: idParam('episodeId'), body },
      responses,
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim();
      return c.json(
        await artwork.setEpisodeArtwork(c.req.valid('param').episodeId, type, await readImage(c.req.raw)),
        200,
      );
    },
  );

  return app;
}
