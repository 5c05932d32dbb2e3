import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const root = path.resolve(import.meta.dirname, '..');
const first = `first-admin-token-${'a'.repeat(24)}`;
const second = `second-admin-token-${'b'.repeat(24)}`;
const third = `third-admin-token-${'c'.repeat(24)}`;

describe.each(testDatabases())('ADMIN_TOKEN bootstrap on $name', (database) => {
  it('keeps a revoked bootstrap token revoked, and a new value replaces the previous one', async () => {
    const t = await openTestApp(database);
    const works = async (token: string) => (await t.call('GET', '/api/v1/shows', { token })).status;
    expect(await t.tokens.bootstrapAdmin(first)).toEqual({ kind: 'created' });
    expect(await t.tokens.bootstrapAdmin(first)).toEqual({ kind: 'kept' });
    expect(await works(first)).toBe(200);

    const bootstrap = (await t.tokens.list()).find((token) => token.name === 'admin (ADMIN_TOKEN)')!;
    expect((await t.call('DELETE', `/api/v1/tokens/${bootstrap.id}`)).status).toBe(204);
    // A restart with the same value: no crash, no resurrection.
    expect(await t.tokens.bootstrapAdmin(first)).toMatchObject({ kind: 'revoked' });
    expect(await works(first)).toBe(401);

    expect(await t.tokens.bootstrapAdmin(second)).toEqual({ kind: 'created' });
    expect(await works(second)).toBe(200);
    expect(await t.tokens.bootstrapAdmin(third)).toEqual({ kind: 'replaced' });
    expect(await works(second)).toBe(401);
    expect(await works(third)).toBe(200);
    // Going back to an old value does not revive it.
    expect(await t.tokens.bootstrapAdmin(second)).toMatchObject({ kind: 'revoked' });
    expect(await works(second)).toBe(401);
    expect(await works(third)).toBe(200);
    // Tokens staff made are never touched by ADMIN_TOKEN.
    expect(await works(await t.tokenFor('editor'))).toBe(200);
    await t.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('restarting with the ADMIN_TOKEN of a revoked bootstrap token', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-bootstrap-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** `npm start` as a process of its own on SQLite; resolves once it listens, with its output so far. */
  async function start(port: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: path.join(dir, 'data'),
        MEDIA_DIR: path.join(dir, 'media'),
        FEEDS_DIR: path.join(dir, 'feeds'),
        BASE_URL: `http://127.0.0.1:${port}`,
        ADMIN_TOKEN: first,
        EMBEDDED_WORKER: 'false',
        LOG_LEVEL: 'info',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const listening = (async () => {
      for (let i = 0; i < 600 && !output.includes('zender listening'); i++)
        await new Promise((r) => setTimeout(r, 50));
      return output.includes('zender listening');
    })();
    const outcome = await Promise.race([listening, exited.then((code) => `exited ${code}`)]);
    return { child, outcome, output: () => output, exited };
  }

  it('starts, says so in one line, and the token stays revoked', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${first}` };
    const one = await start(port);
    expect(one.outcome).toBe(true);
    const tokens = (await (await fetch(`${origin}/api/v1/tokens`, { headers: auth })).json()).items as {
      id: string;
      name: string;
    }[];
    const bootstrap = tokens.find((token) => token.name === 'admin (ADMIN_TOKEN)')!;
    expect(
      (await fetch(`${origin}/api/v1/tokens/${bootstrap.id}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204);
    one.child.kill('SIGTERM');
    expect(await one.exited).toBe(0);

    const two = await start(port);
    expect(two.outcome).toBe(true);
    const lines = two
      .output()
      .split('\n')
      .filter((line) => line.includes('ADMIN_TOKEN was revoked'));
    expect(lines).toHaveLength(1);
    expect(two.output()).not.toContain('UNIQUE');
    expect((await fetch(`${origin}/api/v1/shows`, { headers: auth })).status).toBe(401);
    two.child.kill('SIGTERM');
    expect(await two.exited).toBe(0);
  }, 60_000);
});
