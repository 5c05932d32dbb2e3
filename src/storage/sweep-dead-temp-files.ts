import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temp files are named `<pid>-<uuid>.part`. A process killed mid-write (kill -9, power loss)
 * cannot remove its own; the next process removes those whose writer is gone. Files of live
 * processes (other workers writing now) are left alone.
 */
export async function sweepDeadTempFiles(tmpDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = /^(\d+)-.+\.part$/.exec(name);
    if (!match || Number(match[1]) === process.pid || alive(Number(match[1]))) continue;
    await rm(path.join(tmpDir, name), { force: true });
    removed++;
  }
  return removed;
}
