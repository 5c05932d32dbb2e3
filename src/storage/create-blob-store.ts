import type { BlobStore } from './blob-store.js';
import { createFsStore, type FsStoreConfig } from './fs-store.js';
import type { S3StoreConfig } from './s3-store.js';

/** The storage slice of the app config: which driver, and that driver's settings. */
export type BlobStoreConfig =
  | ({ readonly driver: 'fs' } & Readonly<FsStoreConfig>)
  | ({ readonly driver: 's3' } & Readonly<S3StoreConfig>);

/**
 * Builds the configured driver; only the composition root (and tests) should call this. The S3
 * driver is imported on demand: the AWS SDK costs ~25 MB of memory an fs install never needs.
 */
export async function createBlobStore(config: BlobStoreConfig): Promise<BlobStore> {
  switch (config.driver) {
    case 'fs':
      return createFsStore({ root: config.root });
    case 's3': {
      const { driver: _driver, ...s3 } = config;
      const { createS3Store } = await import('./s3-store.js');
      return createS3Store(s3);
    }
    default: {
      const unknown: never = config;
      throw new Error(`Unknown storage driver ${JSON.stringify((unknown as { driver?: unknown }).driver)}`);
    }
  }
}
