import type { Readable } from 'node:stream';
import { OpenAPIHono } from '@hono/zod-openapi';
import { type DataStore, Server } from '@tus/server';
import type { Context } from 'hono';
import type { Logger } from '../../common/logger.js';
import type { EpisodeIngest } from '../../domain/episode-ingest.js';
import type { AppEnv } from '../app-env.js';
import { problemFor } from '../error-handler.js';
import { problemMessages } from '../problem-messages.js';
import { tusProblem } from './tus-problem.js';
import { documentTusRoutes } from './tus-route-docs.js';

/** Both FileStore and S3Store can stream a finished upload back. */
export type ReadableDataStore = DataStore & { read(id: string): Readable | Promise<Readable> };

export interface TusRoutesOptions {
  datastore: ReadableDataStore;
  ingest: EpisodeIngest;
  maxUploadBytes: number;
  logger: Logger;
  /** Where the API is mounted; tus needs the full path to build Location headers. */
  basePath?: string;
}

/** A tus error answer of our own: tus clients read the status; people read the body. */
function refuse(status: number, body: string): never {
  throw { status_code: status, body };
}

/**
 * A domain error as tus answers it: the status error-handler.ts gives it anywhere else in the
 * API, and its code and params in the body, which tusProblem turns into the same problem+json.
 * Unexpected errors are rethrown for tus's own 500.
 */
function refuseDomainError(error: unknown): never {
  const known = problemFor(error);
  if (!known) throw error;
  refuse(
    known.status ?? problemMessages[known.code]?.status ?? 400,
    JSON.stringify({ problem: known.code, params: known.params ?? {} }),
  );
}

/**
 * The request with a body that ends where the bytes stopped when the connection breaks, instead
 * of failing. On Node's own server @tus/server does this itself (a broken request aborts its
 * context and it ends the body, so the store keeps what arrived); through handleWeb it only sees
 * the failing stream, and the S3 store then drops everything after its last full part (up to
 * 8 MiB a break). Ended, the bytes are kept (S3: as the incomplete part) and HEAD reports them.
 */
function keepBytesOnBreak(request: Request): Request {
  const source = request.body;
  if (!source) return request;
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch {
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
}

/**
 * tus 1.0 resumable uploads at /uploads (@tus/server). Upload-Metadata must name the episode
 * (`episodeId`) and may give `filename`. When the last byte arrives, the file moves into the
 * blob store as the episode's original and processing is queued; the response carries the job id.
 */
export function tusRoutes(options: TusRoutesOptions) {
  const basePath = options.basePath ?? '/api/v1';
  const server = new Server({
    path: `${basePath}/uploads`,
    datastore: options.datastore,
    maxSize: options.maxUploadBytes,
    relativeLocation: true,
    exposedHeaders: ['Zender-Job-Id'],
    async onUploadCreate(_req, upload) {
      const episodeId = upload.metadata?.episodeId;
      if (!episodeId) refuse(400, 'Upload-Metadata must contain episodeId');
      try {
        await options.ingest.precheck(
          episodeId,
          upload.metadata?.filetype ?? 'application/octet-stream',
          upload.size,
        );
      } catch (error) {
        refuseDomainError(error);
      }
      return {};
    },
    async onUploadFinish(_req, upload) {
      const episodeId = upload.metadata?.episodeId as string;
      const stream = await options.datastore.read(upload.id);
      try {
        const { jobId } = await options.ingest.acceptStream(episodeId, stream, {
          contentType: upload.metadata?.filetype ?? 'application/octet-stream',
          contentLength: upload.size,
          filename: upload.metadata?.filename ?? undefined,
        });
        return { headers: { 'Zender-Job-Id': jobId } };
      } catch (error) {
        options.logger.warn({ err: error, uploadId: upload.id }, 'finished upload could not be accepted');
        refuseDomainError(error);
      } finally {
        // Refused before it was read (the episode was published meanwhile, say), the stream still
        // holds a file or an S3 connection, and its file, removed next, could fail to open later
        // with nobody listening: an uncaught error that stops the process.
        stream.on('error', () => {}).destroy();
        // Moved (or refused): the staging copy is never needed again.
        await options.datastore.remove(upload.id).catch(() => {});
      }
    },
  });

  // OpenAPIHono only to carry the documentation of these routes into /openapi.json.
  const app = new OpenAPIHono<AppEnv>();
  documentTusRoutes(app.openAPIRegistry);
  const handle = async (c: Context) => tusProblem(c, await server.handleWeb(keepBytesOnBreak(c.req.raw)));
  app.all('/uploads', handle);
  app.all('/uploads/:uploadId', handle);
  return { app, cleanUpExpired: () => server.cleanUpExpiredUploads() };
}
