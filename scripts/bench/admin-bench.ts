import { benchContainer } from './bench-container.js';
import { line, ratio } from './load.js';

const PASSWORD = 'paarse-fiets-onder-de-brug';

/** Mean milliseconds of `rounds` sequential in-process requests (after a warm-up). */
async function meanMs(request: () => Promise<Response>, rounds: number): Promise<number> {
  for (let i = 0; i < 5; i++) await (await request()).arrayBuffer();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    const response = await request();
    if (response.status !== 200) throw new Error(`answered ${response.status}`);
    await response.arrayBuffer();
  }
  return (performance.now() - start) / rounds;
}

/**
 * The staff screen listing a show's episodes (50 of 1,000, server-rendered HTML behind a
 * session) against the JSON API's list of the same page behind a token. Goal: at most 2×.
 */
export async function adminBench(): Promise<void> {
  const zender = await benchContainer();
  try {
    const show = await zender.publishedShowWithEpisodes('admin-bench', 1000);
    const { token } = await zender.tokens.create('bench', 'viewer');
    await zender.staff.users.create({
      email: 'bench@example.nl',
      name: 'Bench',
      role: 'viewer',
      password: PASSWORD,
    });
    const base = 'http://127.0.0.1';
    const form = await zender.app.request(`${base}/admin/login`);
    const pre = /zender_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    const signedIn = await zender.app.request(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `zender_csrf=${pre}` },
      body: new URLSearchParams({ email: 'bench@example.nl', password: PASSWORD, _csrf: csrf ?? '' }),
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    if (!cookie.startsWith('zender_session=')) throw new Error('bench sign-in failed');

    const rounds = 60;
    const json = await meanMs(
      async () =>
        zender.app.request(`${base}/api/v1/shows/${show.id}/episodes?limit=50`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      rounds,
    );
    const html = await meanMs(
      async () => zender.app.request(`${base}/admin/shows/${show.id}/episodes`, { headers: { cookie } }),
      rounds,
    );
    line(
      'staff episode list (50 of 1,000), ms',
      html.toFixed(2),
      json.toFixed(2),
      ratio(html, json),
      '≤ 2.00 (JSON API list of the same page)',
    );
  } finally {
    await zender.close();
  }
}
