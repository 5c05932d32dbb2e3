import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';

const MiB = 1024 * 1024;

export interface DurableFileWriterOptions {
  /**
   * Bytes buffered before the writer asks its source to pause. Node's default 16 KiB is smaller
   * than one socket read (64 KiB), so every chunk paused the upload and cost a thread-pool
   * round trip of its own; 1 MiB lets chunks pile up while a write runs and go out as one writev
   * (in `npm run bench ingest` 1 MiB beat both 256 KiB and 4 MiB).
   */
  highWaterMark?: number;
  /**
   * Start an fdatasync in the background each time this many new bytes were written. The
   * kernel starts writeback only past dirty_background_ratio (GBs on a large machine), so
   * without this the whole upload is flushed by the closing fsync while the client waits
   * (~0.45 s per GiB on the bench machine).
   */
  syncEveryBytes?: number;
}

/**
 * A stream into a new file (`wx`) that is on disk once it finishes: its `final` waits for the
 * background syncs, then fsyncs and closes, so a caller that renames the file after `finish`
 * can never publish a name whose bytes are still only in the page cache.
 */
export function createDurableFileWriter(file: string, options: DurableFileWriterOptions = {}): Writable {
  const { highWaterMark = MiB, syncEveryBytes = 32 * MiB } = options;
  let handle: FileHandle | undefined;
  let written = 0;
  let syncedUpTo = 0;
  let syncing: Promise<void> | undefined;
  let syncError: unknown;

  /** At most one background sync at a time; a failure is kept and reported by `final`. */
  function syncInBackground(fd: FileHandle): void {
    if (syncing || written - syncedUpTo < syncEveryBytes) return;
    syncedUpTo = written;
    syncing = fd
      .datasync()
      .catch((error) => {
        syncError ??= error;
      })
      .finally(() => {
        syncing = undefined;
      });
  }

  /** Writes `left` completely; consumes the array. */
  async function writeAll(fd: FileHandle, left: Buffer[]): Promise<void> {
    while (left.length > 0) {
      const { bytesWritten } = await fd.writev(left);
      written += bytesWritten;
      // Short writes are rare on regular files but allowed: continue after what was written.
      let skip = bytesWritten;
      while (left.length > 0 && skip >= left[0].length) skip -= left.shift()!.length;
      if (skip > 0) left[0] = left[0].subarray(skip);
    }
  }

  async function finish(fd: FileHandle): Promise<void> {
    await syncing;
    if (syncError) throw syncError;
    await fd.sync();
    handle = undefined;
    await fd.close();
  }

  return new Writable({
    highWaterMark,
    construct(callback) {
      open(file, 'wx').then((opened) => {
        handle = opened;
        callback();
      }, callback);
    },
    writev(chunks, callback) {
      const fd = handle!;
      const buffers = chunks.map(({ chunk }) => chunk as Buffer);
      writeAll(fd, buffers).then(() => {
        syncInBackground(fd);
        callback();
      }, callback);
    },
    final(callback) {
      finish(handle!).then(() => callback(), callback);
    },
    destroy(error, callback) {
      // After an error or an abort: close without syncing; the caller removes the file.
      // FileHandle.close waits for a write still in flight, so the fd cannot be reused under it.
      const fd = handle;
      handle = undefined;
      if (!fd) return callback(error);
      Promise.resolve(syncing)
        .then(() => fd.close())
        .then(
          () => callback(error),
          () => callback(error),
        );
    },
  });
}
