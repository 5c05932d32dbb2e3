import { z } from '@hono/zod-openapi';
import { problemExample } from './api-examples.js';

/** Text a person typed: trimmed, no control characters except tab and newline, no broken Unicode. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      (value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value),
      'contains control characters',
    )
    .refine(
      (value) => !/\p{Cs}/u.test(value),
      'contains half of a UTF-16 surrogate pair: not valid Unicode text',
    );

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')
  .openapi({ example: 'mensenrechten-dichtbij' });

export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const idParam = (name: string) =>
  z.object({
    [name]: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name, in: 'path' } }),
  });

export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' } }),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { example: problemExample });

export const personSchema = z
  .object({
    name: text(200).min(1),
    role: text(100).optional(),
    group: text(100).optional(),
    img: httpUrl.optional(),
    href: httpUrl.optional(),
    organisation: text(200).optional(),
  })
  .strict()
  .openapi('Person', {
    example: { name: 'Fatima el Amrani', role: 'guest', organisation: 'Gemeente Utrecht' },
  });

/** The error answers every API route can give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/problem+json': { schema: problemSchema } } },
  401: {
    description: 'No or unknown token',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
  403: { description: 'Role too weak', content: { 'application/problem+json': { schema: problemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: problemSchema } } },
} as const;

export const bearer = [{ bearerAuth: [] }];
