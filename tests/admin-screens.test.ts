import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { staffAs } from './helpers/staff-session.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const showForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: 'Wonen en recht',
  description: minimalShow.description,
  author: minimalShow.author,
  ownerEmail: minimalShow.owner.email,
  language: 'nl',
  category: 'Government',
  category2: 'Society & Culture/Documentary',
  type: 'episodic',
  locked: 'on',
  channels: ['mastodon', 'bluesky', 'x'],
  hashtags: 'mensenrechten gemeenten',
  ...overrides,
});

describe.each(testDatabases())('staff screens over HTTP ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates a show through the form with a Dutch category list, and records who did it', async () => {
    const editor = await staffAs(t, 'editor');
    const form = await (await editor.get('/admin/shows/new')).text();
    expect(form).toContain('<option value="Government">Overheid</option>');
    expect(form).toContain('Maatschappij en cultuur › Documentaire');
    const created = await editor.post('/admin/shows', showForm());
    expect(created.status).toBe(303);
    const showUrl = created.headers.get('location')!;
    const show = (await (await t.call('GET', '/api/v1/shows')).json()).items[0];
    expect(show).toMatchObject({
      title: 'Wonen en recht',
      categories: ['Government', 'Society & Culture/Documentary'],
      social: { channels: ['mastodon', 'bluesky', 'x'], hashtags: ['#mensenrechten', '#gemeenten'] },
    });
    const page = await (await editor.get(showUrl)).text();
    expect(page).toContain(show.feedUrl);
    expect(page).toContain('Test editor');
    expect(page).toContain('podcast aangemaakt');
    // The feed check speaks Dutch: no artwork yet blocks publishing.
    expect(page).toContain('De podcast heeft nog geen afbeelding');
  });

  it('keeps what was typed and says what is wrong next to the field when a form is refused', async () => {
    const editor = await staffAs(t, 'editor');
    const refused = await editor.post(
      '/admin/shows',
      showForm({ ownerEmail: 'geen-adres', link: 'ftp://x', loudness: '-80' }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('value="Wonen en recht"');
    expect(html).toContain('value="geen-adres"');
    expect(html).toContain('Vul een geldig e-mailadres in');
    expect(html).toContain('Vul een volledig webadres in');
    expect(html).toContain('Vul een getal in tussen −40 en −5');
    expect(html).toMatch(
      /id="f-ownerEmail"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-ownerEmail"/,
    );
    expect((await (await t.call('GET', '/api/v1/shows')).json()).items).toHaveLength(0);
  });

  it('shows a viewer no edit controls and answers 403 to a forged post', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    const viewer = await staffAs(t, 'viewer');
    const showPage = await (await viewer.get(`/admin/shows/${show.id}`)).text();
    expect(showPage).toContain(show.title);
    expect(showPage).not.toMatch(/<form method="post" action="\/admin\/shows\//);
    const episodePage = await (await viewer.get(`/admin/episodes/${episode.id}`)).text();
    expect(episodePage).not.toContain('data-upload');
    expect(episodePage).not.toContain(`action="/admin/episodes/${episode.id}/publish"`);
    expect((await viewer.post(`/admin/episodes/${episode.id}/publish`, { when: 'now' })).status).toBe(403);
    expect((await viewer.post(`/admin/shows/${show.id}`, showForm())).status).toBe(403);
    expect((await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json()).status).toBe('ready');
    expect((await viewer.get('/admin/people')).status).toBe(403);
  });

  it('keeps a show-limited editor to their own shows', async () => {
    const own = await publishableShow(t, { title: 'Eigen podcast', slug: 'eigen' });
    const other = await publishableShow(t, { title: 'Andere podcast', slug: 'andere' });
    const otherEpisode = await readyEpisode(t, other.id, { title: 'Niet voor jou' });
    const limited = await staffAs(t, 'editor', { showIds: [own.id] });
    const overview = await (await limited.get('/admin')).text();
    expect(overview).toContain('Eigen podcast');
    expect(overview).not.toContain('Andere podcast');
    expect(overview).not.toContain('Niet voor jou');
    expect((await limited.get(`/admin/shows/${other.id}`)).status).toBe(404);
    expect((await limited.get(`/admin/episodes/${otherEpisode.id}`)).status).toBe(404);
    expect((await limited.post(`/admin/shows/${other.id}/episodes`, { title: 'Inbraak' })).status).toBe(404);
    expect((await limited.get(`/admin/shows/${own.id}`)).status).toBe(200);
  });

  it('publishes a ready episode after the feed check and shows it in the trail', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id, {
      title: 'Wonen is een recht',
      summary: 'Over huisvesting.',
    });
    const editor = await staffAs(t, 'editor');
    const before = await (await editor.get(`/admin/episodes/${episode.id}`)).text();
    expect(before).toContain('Nu publiceren');
    const published = await editor.post(`/admin/episodes/${episode.id}/publish`, { when: 'now' });
    expect(published.status).toBe(303);
    const after = await (await editor.get(published.headers.get('location')!)).text();
    expect(after).toContain('De aflevering is gepubliceerd.');
    expect(after).toMatch(/Test editor — gepubliceerd/);
    const api = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(api.status).toBe('published');
  });

  it('schedules in Dutch time', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    const editor = await staffAs(t, 'editor');
    const answer = await editor.post(`/admin/episodes/${episode.id}/publish`, {
      when: 'later',
      publishAt: '2030-07-01T09:30',
    });
    expect(answer.status).toBe(303);
    const api = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(api).toMatchObject({ status: 'scheduled', publishAt: '2030-07-01T07:30:00.000Z' });
  });

  it('blocks publishing while the feed check finds errors, and explains them', async () => {
    const show = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()) as {
      id: string;
    };
    const episode = await readyEpisode(t, show.id);
    const editor = await staffAs(t, 'editor');
    const page = await (await editor.get(`/admin/episodes/${episode.id}`)).text();
    expect(page).toContain('Kies een categorie voor Apple Podcasts.');
    expect(page).toContain('Publiceren kan pas als de fouten hierboven zijn opgelost.');
    expect(page).not.toContain('Nu publiceren');
    const forced = await editor.post(`/admin/episodes/${episode.id}/publish`, { when: 'now' });
    expect(forced.status).toBe(422);
    expect(await forced.text()).toContain('Publiceren kan nog niet');
  });

  it('saves chapters typed as times and the transcript cue by cue', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    const editor = await staffAs(t, 'editor');
    const chapters = await editor.post(`/admin/episodes/${episode.id}/chapters`, {
      chapterStart: ['0:00', '1:05', ''],
      chapterTitle: ['Welkom', 'Het gesprek', ''],
    });
    expect(chapters.status).toBe(303);
    expect(await t.chapters.get(episode.id)).toMatchObject({
      chapters: [
        { startTime: 0, title: 'Welkom' },
        { startTime: 65, title: 'Het gesprek' },
      ],
    });
    await t.transcripts.savePlaceholder(
      episode.id,
      'nl',
      [
        { start: 1, end: 4 },
        { start: 6, end: 9 },
      ],
      120,
    );
    const page = await (await editor.get(`/admin/episodes/${episode.id}`)).text();
    expect(page).toContain('Tekst vanaf 0:01');
    const saved = await editor.post(`/admin/episodes/${episode.id}/transcript`, {
      start: ['1', '6'],
      end: ['4', '9'],
      text: ['Welkom bij de podcast.', 'Vandaag over wonen.'],
    });
    expect(saved.status).toBe(303);
    const vtt = await t.transcripts.render(episode.id, 'nl', 'vtt');
    expect(vtt.body).toContain('Welkom bij de podcast.');
    expect(vtt.status).toBe('ready');
  });

  it('lets an admin make a token limited to one show', async () => {
    const show = await publishableShow(t);
    const admin = await staffAs(t, 'admin');
    const page = await (
      await admin.post('/admin/tokens', { name: 'Gemeente X', role: 'editor', showIds: [show.id] })
    ).text();
    const token = /id="new-token" type="text" readonly="" value="([^"]+)"|value="(zt_[^"]+)"/.exec(page);
    expect(token).not.toBeNull();
    const listed = (await t.tokens.list()).find((row) => row.name === 'Gemeente X');
    expect(listed?.showIds).toEqual([show.id]);
  });

  it('deletes an episode only when confirmed, and the show keeps the record of it', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id, { title: 'Weg ermee' });
    const editor = await staffAs(t, 'editor');
    const unconfirmed = await editor.post(`/admin/episodes/${episode.id}/delete`);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Vink eerst aan');
    expect((await t.call('GET', `/api/v1/episodes/${episode.id}`)).status).toBe(200);
    const deleted = await editor.post(`/admin/episodes/${episode.id}/delete`, { confirm: 'on' });
    expect(deleted.status).toBe(303);
    expect((await t.call('GET', `/api/v1/episodes/${episode.id}`)).status).toBe(404);
    const page = await (await editor.get(deleted.headers.get('location')!)).text();
    expect(page).toContain('Verwijderd.');
    expect(page).toContain('aflevering verwijderd (Weg ermee)');
  });

  it('lists a failed job with its reason and queues it again on "try again"', async () => {
    const show = await publishableShow(t);
    const jobId = await t.queue.enqueue('rebuild-feed', { showId: show.id }, { maxAttempts: 1 });
    const claimed = await t.queue.claim('test-worker', 60_000);
    expect(claimed?.id).toBe(jobId);
    await t.queue.fail(jobId, 'test-worker', 'disk full while writing the feed', true);
    const editor = await staffAs(t, 'editor');
    const overview = await (await editor.get('/admin')).text();
    expect(overview).toContain('Feed bijwerken');
    expect(overview).toContain('disk full while writing the feed');
    expect(overview).toContain(`action="/admin/jobs/${jobId}/retry"`);
    const retried = await editor.post(`/admin/jobs/${jobId}/retry`);
    expect(retried.status).toBe(303);
    expect((await t.queue.get(jobId))?.status).toBe('queued');
    expect(await (await editor.get('/admin?done=retried')).text()).toContain(
      'De taak staat weer in de wachtrij.',
    );
    const viewer = await staffAs(t, 'viewer');
    expect((await viewer.post(`/admin/jobs/${jobId}/retry`)).status).toBe(403);
  });
});
