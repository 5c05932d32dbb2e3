import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import type { DataStore } from '@tus/server';

export type TusStorageConfig =
  | { driver: 'fs'; dir: string; expiryHours: number }
  | {
      driver: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
      expiryHours: number;
    };

/**
 * Where unfinished resumable uploads wait: a local folder (embedded default) or the object
 * store, so any API process can take the next chunk. Finished uploads move into the blob store.
 */
export async function createTusDatastore(
  config: TusStorageConfig,
): Promise<DataStore & { read(id: string): Readable | Promise<Readable> }> {
  const expirationPeriodInMilliseconds = config.expiryHours * 3600_000;
  if (config.driver === 'fs') {
    return new FileStore({ directory: path.resolve(config.dir), expirationPeriodInMilliseconds });
  }
  // Imported on demand, like the blob store's S3 driver: fs installs never load the AWS SDK.
  const { S3TusStore } = await import('./s3-tus-store.js');
  return new S3TusStore({
    partSize: 8 * 1024 * 1024,
    expirationPeriodInMilliseconds,
    s3ClientConfig: {
      bucket: config.bucket,
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      // See storage/s3-store.ts: with the defaults, some S3 peers store the chunk framing.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
    },
  });
}
