import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { bearer, errorResponses, idParam, problemSchema } from '../schemas/common-schemas.js';

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];

const tags = ['Uploads (tus)'];
const tusResumable = z
  .literal('1.0.0')
  .openapi({ param: { name: 'Tus-Resumable', in: 'header' }, example: '1.0.0' });
const plainError = (description: string) => ({
  description,
  content: { 'text/plain': { schema: z.string() } },
});
const uploadParams = idParam('uploadId');
const offsetHeaders = {
  'Upload-Offset': { schema: { type: 'integer' as const }, description: 'Bytes stored so far' },
  'Upload-Expires': {
    schema: { type: 'string' as const },
    description: 'When an unfinished upload is removed (TUS_EXPIRY_HOURS)',
  },
};

/**
 * The tus 1.0 endpoints (@tus/server answers them; they are not typed routes), written into the
 * OpenAPI document so a reader sees the whole upload protocol next to the plain PUT.
 */
export function documentTusRoutes(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/uploads',
    tags,
    summary: 'Start a resumable upload (tus 1.0 creation)',
    description:
      'Starts an upload of `Upload-Length` bytes for one episode. `Upload-Metadata` is a comma-separated ' +
      'list of `key base64(value)`: `episodeId` (required), `filename` and `filetype` (e.g. audio/wav). ' +
      'The episode is checked first (exists, not published, size within MAX_UPLOAD_BYTES, an audio or ' +
      "video type). The answer's `Location` is the upload URL for PATCH and HEAD. Any tus 1.0 client " +
      'works (tus-js-client, Uppy, tusd clients), with `Authorization: Bearer` on every request.',
    security: bearer,
    request: {
      headers: z.object({
        'Tus-Resumable': tusResumable,
        'Upload-Length': z
          .string()
          .regex(/^\d+$/)
          .openapi({ param: { name: 'Upload-Length', in: 'header' }, example: '2205078' }),
        'Upload-Metadata': z.string().openapi({
          param: { name: 'Upload-Metadata', in: 'header' },
          example:
            'episodeId MzVlNTg1ZWEtNTQ3My00ODRjLWFhMzQtYjU4Yjg1YWY3YTRl,filename aW50ZXJ2aWV3Lndhdg==,filetype YXVkaW8vd2F2',
        }),
      }),
    },
    responses: {
      201: {
        description: 'Created; `Location` is the upload URL',
        headers: {
          Location: {
            schema: { type: 'string' },
            example: '/api/v1/uploads/64ace473ab2f6ec04b85deb21fa5946a',
          },
          'Upload-Expires': offsetHeaders['Upload-Expires'],
        },
      },
      400: plainError('Upload-Metadata without episodeId, or a malformed tus header'),
      401: errorResponses[401],
      403: errorResponses[403],
      404: plainError('No such episode'),
      409: plainError('The episode is published or scheduled'),
      412: plainError('Tus-Resumable missing or not 1.0.0'),
      413: plainError('Upload-Length exceeds MAX_UPLOAD_BYTES'),
      415: plainError('filetype is not audio or video'),
    },
  });

  registry.registerPath({
    method: 'head',
    path: '/uploads/{uploadId}',
    tags,
    summary: 'How much of an upload arrived (tus 1.0 resume)',
    description:
      'After a broken connection, HEAD gives the `Upload-Offset` to continue from with PATCH. Bytes ' +
      'that arrived before the break are kept.',
    security: bearer,
    request: { params: uploadParams, headers: z.object({ 'Tus-Resumable': tusResumable }) },
    responses: {
      200: {
        description: 'The upload so far',
        headers: {
          ...offsetHeaders,
          'Upload-Length': { schema: { type: 'integer' }, description: 'The announced total size' },
          'Upload-Metadata': { schema: { type: 'string' }, description: 'As given at creation' },
        },
      },
      401: errorResponses[401],
      404: plainError('No such upload (finished, expired or never started)'),
    },
  });

  registry.registerPath({
    method: 'patch',
    path: '/uploads/{uploadId}',
    tags,
    summary: 'Send bytes of an upload from an offset (tus 1.0)',
    description:
      'The body is the next bytes, from `Upload-Offset` (which must equal the offset HEAD reports). ' +
      "When the last byte arrives the file becomes the episode's original, processing is queued " +
      "and the answer carries `Zender-Job-Id`; follow it like the plain upload's job.",
    security: bearer,
    request: {
      params: uploadParams,
      headers: z.object({
        'Tus-Resumable': tusResumable,
        'Upload-Offset': z
          .string()
          .regex(/^\d+$/)
          .openapi({ param: { name: 'Upload-Offset', in: 'header' }, example: '1000000' }),
      }),
      body: {
        content: {
          'application/offset+octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
        required: true,
      },
    },
    responses: {
      204: {
        description: 'Stored; on the last chunk also `Zender-Job-Id`',
        headers: {
          ...offsetHeaders,
          'Zender-Job-Id': {
            schema: { type: 'string' },
            description: 'The processing job, once the upload is complete',
            example: '6a7e5388-8541-471d-b758-51351c708217',
          },
        },
      },
      401: errorResponses[401],
      404: plainError('No such upload'),
      409: {
        description: 'Upload-Offset does not match, or the finished file could not be accepted',
        content: {
          'text/plain': { schema: z.string() },
          'application/problem+json': { schema: problemSchema },
        },
      },
      415: plainError('Content-Type is not application/offset+octet-stream'),
    },
  });

  registry.registerPath({
    method: 'delete',
    path: '/uploads/{uploadId}',
    tags,
    summary: 'Abandon an upload (tus 1.0 termination)',
    description: 'Removes what arrived so far. Unfinished uploads are also removed after TUS_EXPIRY_HOURS.',
    security: bearer,
    request: { params: uploadParams, headers: z.object({ 'Tus-Resumable': tusResumable }) },
    responses: {
      204: { description: 'Removed' },
      401: errorResponses[401],
      404: plainError('No such upload'),
    },
  });

  registry.registerPath({
    method: 'options',
    path: '/uploads',
    tags,
    summary: 'What the tus server supports (tus 1.0 discovery)',
    description:
      'With a token: `Tus-Version`, `Tus-Extension` (creation, creation-with-upload, termination, ' +
      "expiration…) and `Tus-Max-Size`. A browser's CORS preflight (no token) is answered separately.",
    security: bearer,
    responses: {
      204: {
        description: 'Capabilities',
        headers: {
          'Tus-Version': { schema: { type: 'string' }, example: '1.0.0' },
          'Tus-Extension': { schema: { type: 'string' } },
          'Tus-Max-Size': { schema: { type: 'integer' } },
        },
      },
      401: errorResponses[401],
    },
  });
}
