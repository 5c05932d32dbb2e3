import { z } from '@hono/zod-openapi';

/**
 * The documented shapes of the text bodies (transcripts, chapters). The routes read these bodies
 * as text and the transcripts/ parsers check them line by line, so these schemas describe and
 * give examples; they do not validate.
 */

const seconds = z.number().min(0);

export const chapterSchema = z
  .object({
    startTime: seconds,
    endTime: seconds.optional(),
    title: z.string().max(500).optional(),
    img: z.url().optional(),
    url: z.url().optional(),
    toc: z.boolean().optional().openapi({ description: 'false: a marker, not shown in a table of contents' }),
    location: z.object({ name: z.string(), geo: z.string() }).optional(),
  })
  .openapi('Chapter');

export const chaptersSchema = z
  .object({
    version: z.string().openapi({ example: '1.2.0' }),
    title: z.string().optional(),
    chapters: z.array(chapterSchema),
  })
  .openapi('Chapters', {
    description: 'Podcasting 2.0 JSON chapters (version 1.2.0), ordered by startTime in seconds.',
    example: {
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Welkom' },
        { startTime: 12, title: 'De Omgevingswet', url: 'https://www.example.nl/omgevingswet' },
      ],
    },
  });

export const chaptersTextSchema = z.string().openapi({
  description: 'One chapter a line: a time (`SS`, `MM:SS` or `HH:MM:SS`) and a title.',
  example: '00:00 Welkom\n00:12 De Omgevingswet\n',
});

export const transcriptJsonSchema = z
  .object({
    version: z.string().openapi({ example: '1.0.0' }),
    segments: z.array(
      z.object({
        speaker: z.string().optional(),
        startTime: seconds,
        endTime: seconds.optional(),
        body: z.string(),
      }),
    ),
  })
  .openapi('TranscriptJson', {
    description: 'Podcasting 2.0 transcript JSON.',
    example: {
      version: '1.0.0',
      segments: [
        { speaker: 'Presentator', startTime: 0, endTime: 4, body: 'Welkom bij Mensenrechten dichtbij.' },
        { speaker: 'Wethouder', startTime: 4, endTime: 9.5, body: 'Vandaag: de Omgevingswet.' },
      ],
    },
  });

export const vttExample =
  'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelkom bij Mensenrechten dichtbij.\n\n' +
  '00:00:04.000 --> 00:00:09.500\nVandaag: de Omgevingswet.\n';

export const srtExample =
  '1\n00:00:00,000 --> 00:00:04,000\nWelkom bij Mensenrechten dichtbij.\n\n' +
  '2\n00:00:04,000 --> 00:00:09,500\nVandaag: de Omgevingswet.\n';

export const transcriptSummarySchema = z
  .object({
    language: z.string(),
    status: z.enum(['pending', 'draft', 'ready']),
    source: z.enum(['placeholder', 'transcriber', 'upload']),
    cues: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('TranscriptSummary');

export const transcriptListExample = {
  items: [
    { language: 'nl', status: 'ready', source: 'upload', cues: 2, updatedAt: '2026-12-01T02:51:45.715Z' },
  ],
};
