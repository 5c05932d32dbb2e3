import { spawn } from 'node:child_process';

export interface TranscriberOptions {
  /** A shell command; the audio file's path is appended as its last argument ("$1"). */
  command: string;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

/**
 * Runs an external transcriber (e.g. whisper.cpp's CLI with `--output-vtt --output-file -`) on
 * one audio file and returns what it printed: WebVTT or SRT. The path is ours (a job folder),
 * passed as an argument, never spliced into the command text.
 */
export function runTranscriber(file: string, options: TranscriberOptions): Promise<string> {
  const { command, timeoutMs = 4 * 3600_000, maxOutputBytes = 10 * 1024 * 1024 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${command} "$1"`, 'transcriber', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes) child.kill('SIGKILL');
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else
        reject(new Error(`transcriber exited ${signal ?? code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}
