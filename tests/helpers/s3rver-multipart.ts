import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * s3rver 3.7.1 (its last release) stores multipart uploads but refuses three calls that every S3
 * we run against (AWS, MinIO, Garage, Ceph, R2) answers, and that @tus/s3-store needs for each
 * PATCH, HEAD, termination and expiry sweep:
 *
 * - ListParts (`GET /bucket/key?uploadId=…`): s3rver answers 405 MethodNotAllowed;
 * - AbortMultipartUpload (`DELETE /bucket/key?uploadId=…`): 405 MethodNotAllowed;
 * - ListMultipartUploads (`GET /bucket?uploads`): 501 NotImplemented.
 *
 * This adds them, as S3 documents them, over s3rver's own record of each upload (a folder
 * `<bucket>/._S3rver_uploads/<uploadId>/` holding `key`, `metadata` and one file per part), so
 * the bytes still go through s3rver's real UploadPart and CompleteMultipartUpload. It also makes
 * UploadPart and CompleteMultipartUpload answer 404 NoSuchUpload for an upload that was completed
 * or aborted, as S3 does (s3rver would quietly start a new folder, or fail with a 500).
 * The start time each upload reports is stamped when s3rver creates it, with this process's clock.
 */

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
type S3ErrorConstructor = new (code: string, message: string, detail?: Record<string, string>) => Error;

const require = createRequire(import.meta.url);
const S3Error = require('s3rver/lib/models/error') as S3ErrorConstructor;
const xmlns = 'http://s3.amazonaws.com/doc/2006-03-01/';

function noSuchUpload(uploadId: string): Error {
  return new S3Error(
    'NoSuchUpload',
    'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Builds the middleware for s3rver's store folder; install it with `installMultipartCalls`. */
function multipartCalls(directory: string): Middleware {
  const uploadsDir = (bucket: string) => path.join(directory, bucket, '._S3rver_uploads');
  const uploadDir = (bucket: string, uploadId: string) =>
    path.join(uploadsDir(bucket), path.basename(uploadId));

  async function keyOf(bucket: string, uploadId: string): Promise<string | undefined> {
    try {
      return (await readFile(path.join(uploadDir(bucket, uploadId), 'key'))).toString();
    } catch {
      return undefined;
    }
  }

  async function requireUpload(bucket: string, key: string, uploadId: string) {
    if ((await keyOf(bucket, uploadId)) !== key) throw noSuchUpload(uploadId);
  }

  async function initiatedAt(bucket: string, uploadId: string): Promise<string> {
    const dir = uploadDir(bucket, uploadId);
    try {
      return (await readFile(path.join(dir, 'initiated'))).toString();
    } catch {
      return (await stat(path.join(dir, 'key'))).mtime.toISOString();
    }
  }

  async function listParts(ctx: KoaContext, bucket: string, key: string, uploadId: string) {
    await requireUpload(bucket, key, uploadId);
    const dir = uploadDir(bucket, uploadId);
    const marker = Number(one(ctx.query['part-number-marker']) ?? 0);
    const maxParts = Math.min(Number(one(ctx.query['max-parts']) ?? 1000), 1000);
    const numbers = (await readdir(dir))
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((n) => n > marker)
      .sort((a, b) => a - b);
    const page = numbers.slice(0, maxParts);
    const parts = await Promise.all(
      page.map(async (n) => {
        const file = path.join(dir, String(n));
        const [info, md5] = await Promise.all([stat(file), readFile(`${file}.md5`)]);
        return {
          PartNumber: n,
          LastModified: info.mtime.toISOString(),
          ETag: `"${md5.toString()}"`,
          Size: info.size,
        };
      }),
    );
    const truncated = numbers.length > page.length;
    ctx.body = {
      ListPartsResult: {
        '@': { xmlns },
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumberMarker: marker,
        ...(truncated ? { NextPartNumberMarker: page[page.length - 1] } : {}),
        MaxParts: maxParts,
        IsTruncated: truncated,
        StorageClass: 'STANDARD',
        Part: parts,
      },
    };
  }

  async function listUploads(ctx: KoaContext, bucket: string) {
    const dir = uploadsDir(bucket);
    const ids = existsSync(dir) ? await readdir(dir) : [];
    const uploads = [];
    for (const uploadId of ids) {
      const key = await keyOf(bucket, uploadId);
      if (key === undefined) continue;
      uploads.push({ Key: key, UploadId: uploadId, Initiated: await initiatedAt(bucket, uploadId) });
    }
    uploads.sort((a, b) =>
      a.Key === b.Key ? a.Initiated.localeCompare(b.Initiated) : a.Key < b.Key ? -1 : 1,
    );
    ctx.body = {
      ListMultipartUploadsResult: {
        '@': { xmlns },
        Bucket: bucket,
        KeyMarker: '',
        UploadIdMarker: '',
        MaxUploads: 1000,
        IsTruncated: false,
        Upload: uploads.map((u) => ({ ...u, StorageClass: 'STANDARD' })),
      },
    };
  }

  return async function s3rverMultipartCalls(ctx, next) {
    const [, bucket, ...rest] = ctx.path.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const uploadId = one(ctx.query.uploadId);
    if (!bucket) return next();
    if (!key) {
      if (ctx.method === 'GET' && 'uploads' in ctx.query) return listUploads(ctx, bucket);
      return next();
    }
    if (uploadId === undefined) {
      if (ctx.method === 'POST' && 'uploads' in ctx.query) {
        await next();
        // Stamped with this process's clock, so a test that moves the clock sees uploads age.
        const created = (ctx.body as { InitiateMultipartUploadResult?: { UploadId?: string } } | undefined)
          ?.InitiateMultipartUploadResult?.UploadId;
        if (created)
          await writeFile(path.join(uploadDir(bucket, created), 'initiated'), new Date().toISOString());
        return;
      }
      return next();
    }
    if (ctx.method === 'GET') return listParts(ctx, bucket, key, uploadId);
    if (ctx.method === 'DELETE') {
      await requireUpload(bucket, key, uploadId);
      await rm(uploadDir(bucket, uploadId), { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'PUT' || ctx.method === 'POST') await requireUpload(bucket, key, uploadId);
    return next();
  };
}

/**
 * Adds the calls to a constructed, not yet running s3rver: just before its router, so its
 * logging and XML rendering apply (request signatures are not checked for these three).
 */
export function installMultipartCalls(server: object, directory: string): void {
  const middleware = (server as { middleware: Middleware[] }).middleware;
  middleware.splice(middleware.length - 1, 0, multipartCalls(directory));
}
