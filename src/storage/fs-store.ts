import { randomUUID } from 'node:crypto';
import { constants, type Dirent } from 'node:fs';
import { access, type FileHandle, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobInfo, BlobStore, ByteRange, GetResult, PutOptions, PutResult } from './blob-store.js';
import { clampRange } from './clamp-range.js';
import { contentTypeForKey } from './content-type-for-key.js';
import { createDurableFileWriter } from './durable-file-writer.js';
import { createHashingMeter } from './hashing-meter.js';
import { assertSafeKey, assertSafePrefix, isSafeKey } from './safe-key.js';
import { BlobNotFoundError, UnsafeKeyError } from './storage-errors.js';
import { sweepDeadTempFiles } from './sweep-dead-temp-files.js';

export interface FsStoreConfig {
  /** Directory that holds every object; created on first write. */
  root: string;
}

/** Temp files live inside the root so the final rename stays on one file system (atomic). */
const TMP_DIR = '.tmp';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The embedded default: objects are plain files under `root`, keyed by their relative path,
 * so ffmpeg can read them in place (`localPath`). Content types come from the extension
 * (see content-type-for-key.ts): a `contentType` given to put is not stored, so what put
 * returns is what head and get will say. No sidecar files, so one object is one file.
 */
export function createFsStore(config: FsStoreConfig): BlobStore {
  const root = path.resolve(config.root);
  const tmpDir = path.join(root, TMP_DIR);
  /** Once per process, before the first write: leftovers of writers that died. */
  let swept: Promise<number> | undefined;

  /** Defense in depth behind assertSafeKey: the resolved path must stay inside the root. */
  function pathFor(key: string): string {
    assertSafeKey(key);
    const resolved = path.resolve(root, ...key.split('/'));
    if (!resolved.startsWith(root + path.sep)) throw new UnsafeKeyError(key);
    return resolved;
  }

  /** Moves the finished temp file into place; retried once if a delete pruned the folder meanwhile. */
  async function moveIntoPlace(tmp: string, target: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await rename(tmp, target);
        return;
      } catch (error) {
        if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  /** Removes now-empty folders up to (not including) the root so deleted episodes leave no trees. */
  async function pruneEmptyParents(file: string): Promise<void> {
    let dir = path.dirname(file);
    while (dir.startsWith(root + path.sep)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      dir = path.dirname(dir);
    }
  }

  async function walk(dir: string, out: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      // Keys never start with '.', so this skips the temp folder and stray hidden files.
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, out);
      else if (entry.isFile()) out.push(full);
    }
  }

  async function infoFor(key: string, file: string): Promise<BlobInfo | null> {
    try {
      const stats = await stat(file);
      if (!stats.isFile()) return null;
      return { key, size: stats.size, contentType: contentTypeForKey(key), lastModified: stats.mtime };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    kind: 'fs',

    async put(key: string, body: Readable, options: PutOptions = {}): Promise<PutResult> {
      const target = pathFor(key);
      // Heard from the start: a source that fails while we prepare (a file gone before it opened)
      // would otherwise be an unhandled 'error' that ends the process; pipeline reports it below.
      body.once('error', () => {});
      await mkdir(tmpDir, { recursive: true });
      swept ??= sweepDeadTempFiles(tmpDir).catch(() => 0);
      const tmp = path.join(tmpDir, `${process.pid}-${randomUUID()}.part`);
      const meter = createHashingMeter(options.maxBytes);
      try {
        // A fresh file that is fsynced before the pipeline resolves, so once renamed the name
        // can never point at bytes still only in the page cache. pipeline destroys every
        // stream on the first error (an overflow also destroys the source).
        await pipeline(body, meter.stream, createDurableFileWriter(tmp));
        await moveIntoPlace(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true }).catch(() => {});
        throw error;
      }
      const { size, sha256 } = meter.result();
      return { key, size, sha256, contentType: contentTypeForKey(key) };
    },

    async get(key: string, range?: ByteRange): Promise<GetResult> {
      const file = pathFor(key);
      let handle: FileHandle;
      try {
        handle = await open(file, 'r');
      } catch (error) {
        if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR')
          throw new BlobNotFoundError(key);
        throw error;
      }
      try {
        // Size from the open handle: a concurrent overwrite (rename) cannot make it disagree.
        const stats = await handle.stat();
        if (!stats.isFile()) throw new BlobNotFoundError(key);
        const contentType = contentTypeForKey(key);
        if (!range) return { body: handle.createReadStream(), size: stats.size, contentType };
        const clamped = clampRange(range, stats.size);
        const body = handle.createReadStream({ start: clamped.start, end: clamped.end });
        return { body, size: stats.size, contentType, range: clamped };
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
    },

    async head(key: string): Promise<BlobInfo | null> {
      return infoFor(key, pathFor(key));
    },

    async delete(key: string): Promise<void> {
      const file = pathFor(key);
      try {
        await rm(file);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      await pruneEmptyParents(file);
    },

    async list(prefix: string): Promise<BlobInfo[]> {
      assertSafePrefix(prefix);
      // Walk only the folder the prefix names; a partial last segment is filtered below.
      const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      const files: string[] = [];
      await walk(folder ? path.join(root, ...folder.split('/').filter(Boolean)) : root, files);
      const infos: BlobInfo[] = [];
      for (const file of files) {
        const key = path.relative(root, file).split(path.sep).join('/');
        // Files the service did not make (copied in by hand) are not objects it can address.
        if (!key.startsWith(prefix) || !isSafeKey(key)) continue;
        const info = await infoFor(key, file);
        if (info) infos.push(info);
      }
      return infos.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

    async url(key: string): Promise<string | null> {
      pathFor(key);
      return null; // no public address: the service streams the bytes itself
    },

    localPath(key: string): string | null {
      return pathFor(key);
    },

    async ping(): Promise<void> {
      await mkdir(tmpDir, { recursive: true });
      await access(root, constants.W_OK);
      await access(tmpDir, constants.W_OK);
    },
  };
}
