import type { Readable } from 'node:stream';

/** What a successful put stored: size and sha256 are computed while streaming, never by re-reading. */
export interface PutResult {
  key: string;
  size: number;
  sha256: string;
  contentType: string;
}

export interface BlobInfo {
  key: string;
  size: number;
  contentType: string;
  lastModified: Date;
}

/** Inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface GetResult {
  body: Readable;
  /** Total size of the object, not of the range. */
  size: number;
  contentType: string;
  range?: ByteRange;
}

export interface PutOptions {
  contentType?: string;
  /** Reject (BlobTooLargeError) and store nothing once more than this many bytes arrive. */
  maxBytes?: number;
}

/**
 * One interface, two drivers (fs, s3). Keys are made by the service only and checked by
 * `assertSafeKey`; a key never comes straight from a user.
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  put(key: string, body: Readable, options?: PutOptions): Promise<PutResult>;
  get(key: string, range?: ByteRange): Promise<GetResult>;
  head(key: string): Promise<BlobInfo | null>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<BlobInfo[]>;
  /** A URL a client may fetch directly (public base or presigned), or null when the service must serve the bytes. */
  url(key: string, options?: { expiresInSeconds?: number; downloadName?: string }): Promise<string | null>;
  /** A local file path for tools like ffmpeg when the driver has one (fs), else null. */
  localPath(key: string): string | null;
  /** Cheap reachability check for /readyz. */
  ping(): Promise<void>;
}
