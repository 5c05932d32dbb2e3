import { z } from '@hono/zod-openapi';
import { episodeExample, episodeInputExample } from './api-examples.js';
import { personSchema, slugSchema, text } from './common-schemas.js';

const soundbite = z
  .object({
    startSeconds: z.number().min(0),
    durationSeconds: z.number().positive().max(600),
    title: text(128).optional(),
  })
  .strict();

export const episodeInputSchema = z
  .object({
    slug: slugSchema.optional(),
    title: text(255).min(1).openapi({ example: 'Wethouder over armoedebeleid' }),
    summary: text(4000).nullable().optional(),
    description: text(10000).nullable().optional(),
    season: z.number().int().min(1).max(10000).nullable().optional(),
    number: z.number().int().min(1).max(100000).nullable().optional(),
    type: z.enum(['full', 'trailer', 'bonus']).optional(),
    explicit: z.boolean().optional(),
    publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
    persons: z.array(personSchema).max(50).optional(),
    soundbites: z.array(soundbite).max(20).optional(),
  })
  // A misspelt field would otherwise be dropped without a word.
  .strict()
  .openapi('EpisodeInput', { example: episodeInputExample });

export const episodePatchSchema = episodeInputSchema
  .partial()
  .openapi('EpisodePatch', { example: { summary: 'De wethouder over inspraak.', number: 1 } });

export const episodeSchema = z
  .object({
    id: z.string(),
    showId: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    description: z.string().nullable(),
    season: z.number().nullable(),
    number: z.number().nullable(),
    type: z.enum(['full', 'trailer', 'bonus']),
    explicit: z.boolean(),
    status: z.enum(['draft', 'processing', 'ready', 'scheduled', 'published', 'failed']),
    failureReason: z.string().nullable(),
    failureMessage: z.object({ nl: z.string(), en: z.string() }).nullable(),
    publishAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    guid: z.string(),
    duration: z.number().nullable(),
    audio: z.object({ url: z.string(), type: z.string(), size: z.number() }).nullable(),
    artworkUrl: z.string().nullable(),
    quality: z.record(z.string(), z.unknown()).nullable(),
    transcript: z.object({
      status: z.enum(['none', 'pending', 'draft', 'ready']),
      languages: z.array(z.string()),
    }),
    persons: z.array(personSchema),
    soundbites: z.array(soundbite),
    jobId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Episode', { example: episodeExample });
