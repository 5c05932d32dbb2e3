import { z } from 'zod';
import { parseTrustProxy } from '../net/client-address.js';
import { checkPublicUrl } from '../net/public-url.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A comma-separated list of web origins (scheme, host, optional port; no path), as browsers send them. */
const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/,
          'each entry must be an origin such as https://redactie.example.nl (lowercase, no path, no *)',
        ),
    ),
  );

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * The environment variables zender reads (the README's configuration table). Only this folder reads process.env; everything else
 * gets a frozen slice of the parsed result.
 */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for SQLite)')
      .optional(),
    STORAGE: z.enum(['fs', 's3']).default('fs'),
    MEDIA_DIR: z.string().min(1).default('./media'),
    FEEDS_DIR: z.string().min(1).default('./feeds'),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: booleanFlag.optional(),
    S3_PUBLIC_URL: z.url().optional(),
    ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    FFMPEG_PATH: optionalString,
    FFPROBE_PATH: optionalString,
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(2 * 1024 ** 3),
    MAX_DURATION_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(6 * 3600),
    LOUDNESS_TARGET_LUFS: z.coerce.number().min(-40).max(-5).default(-16),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRANSCRIBER: z.enum(['none', 'command']).default('none'),
    TRANSCRIBER_COMMAND: optionalString,
    EMBEDDED_WORKER: booleanFlag.default(true),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    TUS_EXPIRY_HOURS: z.coerce.number().positive().default(24),
    CORS_ORIGINS: originList.default([]),
    ALLOW_PRIVATE_URLS: booleanFlag.default(false),
    /** A WebSub hub: named in every feed (atom:link rel="hub") and told of every change to one. */
    WEBSUB_HUB_URL: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as https://pubsubhubbub.appspot.com/',
      })
      .refine((value) => {
        const url = URL.parse(value);
        return !url?.username && !url?.password;
      }, 'must not carry a user name or password (they would end up in every feed)')
      .optional(),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
  })
  .superRefine((env, ctx) => {
    if (env.TRANSCRIBER === 'command' && !env.TRANSCRIBER_COMMAND) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRANSCRIBER_COMMAND'],
        message: 'is required when TRANSCRIBER=command',
      });
    }
    const hub = env.WEBSUB_HUB_URL ? URL.parse(env.WEBSUB_HUB_URL) : null;
    if (hub && !env.ALLOW_PRIVATE_URLS) {
      // Checked here, not first at the ping: a hub zender may never reach should stop the start.
      const check = checkPublicUrl(hub, { allowPrivate: false });
      if (!check.ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['WEBSUB_HUB_URL'],
          message: `${check.host} is not a public address (${check.reason.replace(/_/g, ' ')}); set ALLOW_PRIVATE_URLS=true for a hub on the intranet`,
        });
      }
    }
    if (env.STORAGE === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when STORAGE=s3' });
    }
  });

export type RawConfig = z.output<typeof configSchema>;
