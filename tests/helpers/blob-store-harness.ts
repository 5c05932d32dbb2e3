import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createBlobStore } from '../../src/storage/create-blob-store.js';
import { createS3Store } from '../../src/storage/s3-store.js';
import { startS3rver } from './s3rver-server.js';

/**
 * Each blob store driver against a real backend (a temporary folder, s3rver), with a view of
 * what the backend really holds, and the streams the contract test writes with.
 */
export interface Harness {
  store: BlobStore;
  /** Every object or file the driver holds, hidden temp files included, bypassing the store. */
  rawKeys(): Promise<string[]>;
  /** The same backend seen through a store with a public base URL (s3 only). */
  withPublicUrl?(base: string): BlobStore;
  /** The fs root (fs only). */
  root?: string;
  close(): Promise<void>;
}

function walkFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? walkFiles(full, base)
      : [path.relative(base, full).split(path.sep).join('/')];
  });
}

export async function openFs(): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-fs-store-'));
  // A nested root, so '../' escapes would land inside `dir` where we can look for them.
  const root = path.join(dir, 'a', 'b', 'media');
  return {
    store: await createBlobStore({ driver: 'fs', root }),
    root,
    rawKeys: async () => walkFiles(dir),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function openS3(): Promise<Harness> {
  const server = await startS3rver();
  const config = {
    driver: 's3' as const,
    endpoint: server.endpoint,
    region: server.region,
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  };
  const raw = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  return {
    store: await createBlobStore(config),
    withPublicUrl: (publicUrl) => createS3Store({ ...config, publicUrl }),
    async rawKeys() {
      const page = await raw.send(new ListObjectsV2Command({ Bucket: server.bucket }));
      return (page.Contents ?? []).map((item) => item.Key ?? '');
    },
    async close() {
      raw.destroy();
      await server.close();
    },
  };
}

/** Pseudo-random bytes, streamed in uneven chunks so part and buffer boundaries never line up. */
export function generated(size: number): { bytes: Buffer; sha256: string; stream: () => Readable } {
  const bytes = randomBytes(size);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stream = () =>
    Readable.from(
      (function* () {
        for (let offset = 0; offset < size; offset += 65_537) yield bytes.subarray(offset, offset + 65_537);
      })(),
    );
  return { bytes, sha256, stream };
}

/** Streams `goodBytes` bytes, then fails the way a dropped client connection does. */
export function failingStream(goodBytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= goodBytes) {
        this.destroy(new Error('client went away'));
        return;
      }
      const chunk = randomBytes(Math.min(256 * 1024, goodBytes - sent));
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export const text = (value: string) => Readable.from([Buffer.from(value)]);
