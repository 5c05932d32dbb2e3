import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installMultipartCalls } from './s3rver-multipart.js';

/** The little of s3rver's API we use (it ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

export interface S3rverHandle {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where s3rver keeps its files (inspected by tests, removed by close). */
  directory: string;
  close(): Promise<void>;
}

/**
 * An in-process fake S3 on 127.0.0.1 and a port the OS picks (port 0: free and race-free),
 * storing under a fresh temp directory, with one bucket ready. s3rver's fixed credentials
 * are S3RVER / S3RVER. It answers the multipart calls resumable uploads need (s3rver-multipart.ts).
 */
export async function startS3rver(bucket = 'test'): Promise<S3rverHandle> {
  const { default: S3rver } = (await import('s3rver' as string)) as { default: S3rverConstructor };
  const directory = mkdtempSync(path.join(tmpdir(), 'zender-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  // ListParts, AbortMultipartUpload and ListMultipartUploads, which s3rver lacks (see there).
  installMultipartCalls(server, directory);
  const address = await server.run();
  // Node writes the Date header from its own clock, which a test's fake clock (vi.setSystemTime)
  // does not move; the SDK would then "correct" its signing time to it, and s3rver, checking
  // with the moved clock, refuse every request as skewed. Date from the process clock instead.
  server.httpServer?.prependListener('request', (_request, response) => {
    response.sendDate = false;
    response.setHeader('date', new Date().toUTCString());
  });
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    directory,
    async close() {
      // The SDK keeps connections alive; drop them or close() waits for their idle timeout.
      server.httpServer?.closeAllConnections();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
