import path from 'node:path';
import type { TrustProxy } from '../net/client-address.js';
import { configSchema } from './config-schema.js';

export interface AppConfig {
  readonly port: number;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'sqlite'; readonly file: string }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly storage:
    | { readonly driver: 'fs'; readonly root: string }
    | {
        readonly driver: 's3';
        readonly endpoint?: string;
        readonly region: string;
        readonly bucket: string;
        readonly accessKeyId?: string;
        readonly secretAccessKey?: string;
        readonly forcePathStyle: boolean;
        readonly publicUrl?: string;
      };
  readonly feedsDir: string;
  readonly adminToken?: string;
  readonly media: { readonly ffmpegPath?: string; readonly ffprobePath?: string };
  readonly limits: { readonly maxUploadBytes: number; readonly maxDurationSeconds: number };
  readonly loudnessTargetLufs: number;
  readonly logLevel: string;
  readonly workerConcurrency: number;
  readonly jobLeaseMs: number;
  readonly embeddedWorker: boolean;
  readonly transcriberCommand?: string;
  readonly tusExpiryHours: number;
  /** Browser origins allowed to call /api/v1 (CORS_ORIGINS). */
  readonly corsOrigins: readonly string[];
  /** User-given URLs (webhooks, imports): ALLOW_PRIVATE_URLS lifts the public-address rule. */
  readonly net: { readonly allowPrivateUrls: boolean; readonly trustProxy: TrustProxy };
  /** WEBSUB_HUB_URL: the hub every feed names and every feed change is announced to. */
  readonly websubHubUrl?: string;
}

/** Thrown with one line that names the variable and what is wrong with it. */
export class ConfigError extends Error {}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Parses the environment once; the result is frozen and handed out in slices. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means unset (a common shell and compose-file idiom).
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`);
  }
  const raw = parsed.data;
  const port = raw.PORT;
  const config: AppConfig = {
    port,
    baseUrl: (raw.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir: path.resolve(raw.DATA_DIR),
    database: raw.DATABASE_URL
      ? { kind: 'postgres', url: raw.DATABASE_URL }
      : { kind: 'sqlite', file: path.resolve(raw.DATA_DIR, 'zender.sqlite') },
    storage:
      raw.STORAGE === 's3'
        ? {
            driver: 's3',
            endpoint: raw.S3_ENDPOINT,
            region: raw.S3_REGION,
            bucket: raw.S3_BUCKET as string,
            accessKeyId: raw.S3_ACCESS_KEY_ID,
            secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
            // Custom endpoints (MinIO, Garage, Ceph) almost always need path-style addressing.
            forcePathStyle: raw.S3_FORCE_PATH_STYLE ?? Boolean(raw.S3_ENDPOINT),
            publicUrl: raw.S3_PUBLIC_URL?.replace(/\/+$/, ''),
          }
        : { driver: 'fs', root: path.resolve(raw.MEDIA_DIR) },
    feedsDir: path.resolve(raw.FEEDS_DIR),
    adminToken: raw.ADMIN_TOKEN,
    media: { ffmpegPath: raw.FFMPEG_PATH, ffprobePath: raw.FFPROBE_PATH },
    limits: { maxUploadBytes: raw.MAX_UPLOAD_BYTES, maxDurationSeconds: raw.MAX_DURATION_SECONDS },
    loudnessTargetLufs: raw.LOUDNESS_TARGET_LUFS,
    logLevel: raw.LOG_LEVEL,
    workerConcurrency: raw.WORKER_CONCURRENCY,
    jobLeaseMs: raw.JOB_LEASE_SECONDS * 1000,
    embeddedWorker: raw.EMBEDDED_WORKER,
    transcriberCommand: raw.TRANSCRIBER === 'command' ? raw.TRANSCRIBER_COMMAND : undefined,
    tusExpiryHours: raw.TUS_EXPIRY_HOURS,
    corsOrigins: raw.CORS_ORIGINS,
    net: { allowPrivateUrls: raw.ALLOW_PRIVATE_URLS, trustProxy: raw.TRUST_PROXY },
    websubHubUrl: raw.WEBSUB_HUB_URL,
  };
  return deepFreeze(config);
}
