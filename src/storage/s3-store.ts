import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobInfo, BlobStore, ByteRange, GetResult, PutOptions, PutResult } from './blob-store.js';
import { clampRange } from './clamp-range.js';
import { contentTypeForKey } from './content-type-for-key.js';
import { createHashingMeter } from './hashing-meter.js';
import { assertSafeKey, assertSafePrefix, isSafeKey } from './safe-key.js';
import { sliceStream } from './slice-stream.js';
import { BlobNotFoundError, BlobTooLargeError, RangeNotSatisfiableError } from './storage-errors.js';

export interface S3StoreConfig {
  /** For S3-compatible stores (MinIO, Garage, R2…); omitted for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both or neither; without them the SDK's default chain (env, profile, IAM role) applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Public base (a CDN or public bucket) that url() uses instead of presigning. */
  publicUrl?: string;
}

const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
const DEFAULT_URL_SECONDS = 3600;
/** SigV4 presigned URLs are valid for at most seven days. */
const MAX_URL_SECONDS = 7 * 24 * 3600;

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return statusOf(error) === 404 || name === 'NotFound' || name === 'NoSuchKey';
}

function isInvalidRange(error: unknown): boolean {
  return statusOf(error) === 416 || (error as { name?: string } | undefined)?.name === 'InvalidRange';
}

/** `bytes 0-1/12345` → start, end and total; undefined when absent or malformed. */
function parseContentRange(
  value: string | undefined,
): { start: number; end: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : undefined;
}

/** Content-Disposition for a download name: a plain ASCII fallback plus the exact UTF-8 name (RFC 6266). */
function attachmentDisposition(downloadName: string): string {
  const name = downloadName.replace(/[/\\]/g, '_');
  const fallback = name.replace(/[^\x20-\x7e]|["%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Any S3-compatible object store. The client is built on first use so that constructing the
 * store (at startup, in tests) never touches the network or the credential chain.
 */
export function createS3Store(config: S3StoreConfig): BlobStore {
  const { bucket } = config;
  const publicBase = config.publicUrl?.replace(/\/+$/, '');
  let client: S3Client | undefined;

  function s3(): S3Client {
    client ??= new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined,
      // With the SDK default (WHEN_SUPPORTED) a streamed body is sent as aws-chunked with a
      // trailing CRC; stores that do not speak that framing (s3rver, older MinIO/Ceph) save
      // the framing inside the object: silent corruption. We hash with sha256 ourselves.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return client;
  }

  async function head(key: string): Promise<BlobInfo | null> {
    assertSafeKey(key);
    try {
      const res = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        key,
        size: res.ContentLength ?? 0,
        contentType: res.ContentType ?? contentTypeForKey(key),
        lastModified: res.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** A range we cannot serve: report it with the object's size (or as missing). */
  async function rangeError(key: string): Promise<never> {
    const info = await head(key);
    if (!info) throw new BlobNotFoundError(key);
    throw new RangeNotSatisfiableError(info.size);
  }

  return {
    kind: 's3',

    async put(key: string, body: Readable, options: PutOptions = {}): Promise<PutResult> {
      assertSafeKey(key);
      const contentType = options.contentType ?? contentTypeForKey(key);
      const meter = createHashingMeter(options.maxBytes);
      let sourceError: unknown;
      body.once('error', (error) => {
        sourceError ??= error;
      });
      // pipeline destroys the source when the meter fails (overflow), and the meter when the
      // source fails, so Upload sees the error on its next read either way.
      const piped = pipeline(body, meter.stream);
      piped.catch(() => {}); // its error reaches us through Upload; avoid an unhandled rejection
      const upload = new Upload({
        client: s3(),
        params: { Bucket: bucket, Key: key, Body: meter.stream, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        // Let a failed stream settle through Upload rather than calling upload.abort(): Upload
        // then waits for in-flight parts before AbortMultipartUpload, so no part outlives it.
        // The object itself only appears on Complete/PutObject, which needs a clean end.
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        meter.stream.destroy();
        body.destroy();
        // Report the cause, not what the multipart abort said afterwards.
        if (meter.overflowed) throw new BlobTooLargeError(options.maxBytes!);
        throw sourceError ?? error;
      }
      const { size, sha256 } = meter.result();
      return { key, size, sha256, contentType };
    },

    async get(key: string, range?: ByteRange): Promise<GetResult> {
      assertSafeKey(key);
      if (
        range &&
        (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0)
      )
        return rangeError(key);
      if (range && range.end < range.start) return rangeError(key);
      let res: GetObjectCommandOutput;
      try {
        res = await s3().send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
      } catch (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(key);
        if (range && isInvalidRange(error)) return rangeError(key);
        throw error;
      }
      // Node's SDK hands back an IncomingMessage; an empty object may come without one.
      const body = (res.Body as Readable | undefined) ?? Readable.from([]);
      const contentType = res.ContentType ?? contentTypeForKey(key);
      const returned = parseContentRange(res.ContentRange);
      const size = returned?.size ?? res.ContentLength ?? 0;
      if (!range) return { body, size, contentType };

      let clamped: ByteRange;
      try {
        clamped = clampRange(range, size);
      } catch (error) {
        body.destroy();
        throw error;
      }
      // Some stores widen or ignore a range (s3rver reads `bytes=0-0` as "to the end"; a
      // plain 200 means the whole object): trim what came back to exactly what was asked.
      const served = returned ?? { start: 0, end: size - 1 };
      if (served.start === clamped.start && served.end === clamped.end)
        return { body, size, contentType, range: clamped };
      if (served.start > clamped.start || served.end < clamped.end) {
        body.destroy();
        throw new Error(
          `Store answered range ${served.start}-${served.end} for ${clamped.start}-${clamped.end}`,
        );
      }
      const trimmed = sliceStream(body, clamped.start - served.start, clamped.end - clamped.start + 1);
      return { body: trimmed, size, contentType, range: clamped };
    },

    head,

    async delete(key: string): Promise<void> {
      assertSafeKey(key);
      try {
        await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },

    async list(prefix: string): Promise<BlobInfo[]> {
      assertSafePrefix(prefix);
      const infos: BlobInfo[] = [];
      let token: string | undefined;
      do {
        const page: ListObjectsV2CommandOutput = await s3().send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          // Other writers may share the bucket (tus uploads, manual copies): only keys the
          // service could have made are returned, so each one works with the other methods.
          if (!item.Key || !isSafeKey(item.Key)) continue;
          infos.push({
            key: item.Key,
            size: item.Size ?? 0,
            // ListObjectsV2 carries no content type; a HEAD per object would be too costly.
            contentType: contentTypeForKey(item.Key),
            lastModified: item.LastModified ?? new Date(0),
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return infos.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

    async url(key: string, options: { expiresInSeconds?: number; downloadName?: string } = {}) {
      assertSafeKey(key);
      // Keys are plain [a-z0-9._-/], so they need no encoding in a URL path. A public base
      // (a CDN) cannot carry a per-request download name; the name applies to presigned URLs.
      if (publicBase) return `${publicBase}/${key}`;
      const expiresIn = Math.min(
        Math.max(1, Math.floor(options.expiresInSeconds ?? DEFAULT_URL_SECONDS)),
        MAX_URL_SECONDS,
      );
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: options.downloadName
          ? attachmentDisposition(options.downloadName)
          : undefined,
      });
      return getSignedUrl(s3(), command, { expiresIn });
    },

    localPath(key: string): string | null {
      assertSafeKey(key);
      return null;
    },

    async ping(): Promise<void> {
      await s3().send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}
