import { S3Store } from '@tus/s3-store';
import { ERRORS } from '@tus/server';

/** S3 says "not there" as NoSuchKey, NoSuchUpload, or a bare 404 (HEAD answers carry no code). */
function isMissing(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    name === 'NoSuchKey' ||
    name === 'NoSuchUpload' ||
    name === 'NotFound' ||
    $metadata?.httpStatusCode === 404
  );
}

/**
 * @tus/s3-store's S3Store with a `remove` that removes. Its own (2.0.7) first aborts the
 * multipart upload; once an upload has finished, S3 answers that with 404 NoSuchUpload (the
 * upload id is spent), and S3Store then gives up before deleting anything. A finished upload
 * is removed right after it moves into the blob store, so every upload's whole file and its
 * `.info` stayed in the bucket for good, never swept by the expiry job either (it only looks at
 * unfinished multipart uploads). It also left the `.part` object of an unfinished one.
 */
export class S3TusStore extends S3Store {
  override async remove(id: string): Promise<void> {
    let uploadId: string | undefined;
    try {
      uploadId = (await this.getMetadata(id))['upload-id'];
    } catch (error) {
      if (isMissing(error)) throw ERRORS.FILE_NOT_FOUND;
      throw error;
    }
    if (uploadId) {
      try {
        await this.client.abortMultipartUpload({ Bucket: this.bucket, Key: id, UploadId: uploadId });
      } catch (error) {
        // Finished (or already aborted): its parts are gone, its objects are not.
        if (!isMissing(error)) throw error;
      }
    }
    await this.client.deleteObjects({
      Bucket: this.bucket,
      Delete: { Objects: [{ Key: id }, { Key: this.infoKey(id) }, { Key: this.partKey(id, true) }] },
    });
    await this.clearCache(id);
  }
}
