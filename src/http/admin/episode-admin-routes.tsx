import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors.js';
import type { AdminLabelKey } from '../../web/admin/admin-labels.js';
import { type EpisodeFormValues, EpisodeScreen, episodeValues } from '../../web/admin/episode-screen.js';
import { explainFeedProblem } from '../../web/admin/feed-problem-labels.js';
import { fromLocalInput } from '../../web/admin/format.js';
import type { EditableChapter } from '../../web/admin/text-editors.js';
import { parseByteRange } from '../byte-range.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminEnv } from './admin-env.js';
import { renderAdmin } from './admin-render.js';
import { errorDescriber } from './describe-error.js';
import {
  chaptersToJson,
  cuesFromJson,
  cuesToJson,
  episodeFormValues,
  parseEpisodeForm,
} from './episode-editing.js';
import { actorOf, canEdit, requireRole, requireShowAccess } from './staff-access.js';

interface ScreenExtra {
  values?: EpisodeFormValues;
  errors?: Record<string, AdminLabelKey>;
  status?: number;
  error?: string | null;
  notice?: string | null;
  chapters?: EditableChapter[];
}

/** The episode screen and everything it posts to (details, transcript, chapters, publishing, audio). */
export function episodeAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const describe = errorDescriber(deps.logger);

  /** The episode, when the account may see its show (else 404, as if it did not exist). */
  async function visibleEpisode(c: Context<AdminEnv>, episodeId: string) {
    const episode = await deps.episodes.get(episodeId);
    requireShowAccess(c, episode.showId);
    return episode;
  }

  async function screen(c: Context<AdminEnv>, episodeId: string, extra: ScreenExtra = {}) {
    const ctx = c.get('ctx');
    const episode = await visibleEpisode(c, episodeId);
    const show = await deps.shows.get(episode.showId);
    const transcript = await deps.transcripts
      .render(episodeId, show.language, 'json')
      .then((t) => cuesFromJson(t.body))
      .catch((error) => {
        if (error instanceof NotFoundError) return [];
        throw error;
      });
    const chapters = (await deps.chapters.get(episodeId))?.chapters ?? [];
    const problems = (await deps.publishing.check(show.id, episodeId)).filter(
      (p) => !p.episodeId || p.episodeId === episodeId,
    );
    const [drafts, history, waveform] = await Promise.all([
      deps.drafts.list(episodeId),
      deps.audit.list({ episodeId }, 30),
      episode.audio ? deps.media.waveform(episodeId).catch(() => null) : null,
    ]);
    return renderAdmin(c, ctx, {
      title: episode.title,
      status: extra.status,
      error: extra.error,
      notice: extra.notice,
      body: (
        <EpisodeScreen
          ctx={ctx}
          data={{
            show,
            episode,
            waveform,
            cues: transcript,
            chapters:
              extra.chapters ?? chapters.map((ch) => ({ start: ch.startTime, title: ch.title ?? '' })),
            problems,
            drafts,
            history,
            canEdit: canEdit(c),
            chunkBytes: deps.uploadChunkBytes,
            values: extra.values ?? episodeValues(episode),
            errors: extra.errors ?? {},
          }}
        />
      ),
    });
  }

  const noticeFor = (c: Context<AdminEnv>) => {
    const done = c.req.query('done');
    const t = c.get('ctx').t;
    return done === 'published' ? t.published : done === 'scheduled' ? t.scheduled : done ? t.saved : null;
  };

  app.get('/episodes/:episodeId', (c) => screen(c, c.req.param('episodeId'), { notice: noticeFor(c) }));

  app.post('/episodes/:episodeId', async (c) => {
    const id = c.req.param('episodeId');
    await visibleEpisode(c, id);
    requireRole(c, 'editor');
    const values = episodeFormValues(await c.req.parseBody({ all: true }));
    const { patch, errors } = parseEpisodeForm(values);
    if (!patch) return screen(c, id, { values, errors, status: 400, error: c.get('ctx').t.formErrors });
    const episode = await deps.episodes.update(id, patch);
    await deps.audit.record(actorOf(c), 'episode.edited', {
      showId: episode.showId,
      episodeId: id,
      subject: episode.title,
    });
    return c.redirect(`/admin/episodes/${id}?done=saved#details`, 303);
  });

  app.post('/episodes/:episodeId/transcript', async (c) => {
    const id = c.req.param('episodeId');
    const episode = await visibleEpisode(c, id);
    requireRole(c, 'editor');
    const json = cuesToJson(await c.req.parseBody({ all: true }));
    if (json) {
      const show = await deps.shows.get(episode.showId);
      try {
        await deps.transcripts.upload(id, show.language, json, 'application/json');
      } catch (error) {
        const described = await describe(error, c);
        return screen(c, id, {
          status: described.status,
          error: [described.detail, ...described.errors.map((e) => e.message)].join(' '),
        });
      }
      await deps.audit.record(actorOf(c), 'episode.transcript', {
        showId: episode.showId,
        episodeId: id,
        subject: episode.title,
      });
    }
    return c.redirect(`/admin/episodes/${id}?done=saved#transcript`, 303);
  });

  app.post('/episodes/:episodeId/chapters', async (c) => {
    const id = c.req.param('episodeId');
    const episode = await visibleEpisode(c, id);
    requireRole(c, 'editor');
    const parsed = chaptersToJson(await c.req.parseBody({ all: true }));
    const t = c.get('ctx').t;
    if ('error' in parsed)
      return screen(c, id, { status: 400, error: `${t.chapterStart}: ${t.invalidField}` });
    try {
      await deps.chapters.put(id, parsed.json, 'application/json');
    } catch (error) {
      const described = await describe(error, c);
      const reason = [described.detail, ...described.errors.map((e) => e.message)].join(' ');
      return screen(c, id, { status: described.status, error: reason, chapters: parsed.chapters });
    }
    await deps.audit.record(actorOf(c), 'episode.chapters', {
      showId: episode.showId,
      episodeId: id,
      subject: episode.title,
    });
    return c.redirect(`/admin/episodes/${id}?done=saved#chapters`, 303);
  });

  app.post('/episodes/:episodeId/publish', async (c) => {
    const id = c.req.param('episodeId');
    const episode = await visibleEpisode(c, id);
    requireRole(c, 'editor');
    const form = await c.req.parseBody();
    let publishAt: string | undefined;
    if (form.when === 'later') {
      const parsed = typeof form.publishAt === 'string' ? fromLocalInput(form.publishAt) : null;
      if (!parsed)
        return screen(c, id, {
          status: 400,
          error: `${c.get('ctx').t.publishAt}: ${c.get('ctx').t.invalidField}`,
        });
      publishAt = parsed;
    }
    try {
      const result = await deps.publishing.publish(id, publishAt);
      const action = result.status === 'scheduled' ? 'episode.scheduled' : 'episode.published';
      await deps.audit.record(actorOf(c), action, {
        showId: episode.showId,
        episodeId: id,
        subject: episode.title,
      });
      return c.redirect(`/admin/episodes/${id}?done=${result.status}#publish`, 303);
    } catch (error) {
      const described = await describe(error, c);
      // The feed check's own words are English; staff read them explained in their language.
      const reasons = described.errors.map((e) =>
        explainFeedProblem(
          { level: 'error', code: e.code ?? '', message: e.message },
          c.get('ctx').locale,
          episode.title,
        ),
      );
      return screen(c, id, { status: described.status, error: [described.detail, ...reasons].join(' ') });
    }
  });

  app.post('/episodes/:episodeId/unpublish', async (c) => {
    const id = c.req.param('episodeId');
    const episode = await visibleEpisode(c, id);
    requireRole(c, 'editor');
    await deps.publishing.unpublish(id);
    await deps.audit.record(actorOf(c), 'episode.unpublished', {
      showId: episode.showId,
      episodeId: id,
      subject: episode.title,
    });
    return c.redirect(`/admin/episodes/${id}?done=saved#publish`, 303);
  });

  app.post('/episodes/:episodeId/delete', async (c) => {
    const id = c.req.param('episodeId');
    const episode = await visibleEpisode(c, id);
    requireRole(c, 'editor');
    if ((await c.req.parseBody()).confirm !== 'on')
      return screen(c, id, { status: 400, error: c.get('ctx').t.confirmMissing });
    await deps.episodes.remove(id);
    await deps.audit.record(actorOf(c), 'episode.deleted', {
      showId: episode.showId,
      episodeId: id,
      subject: episode.title,
    });
    return c.redirect(`/admin/shows/${episode.showId}?done=deleted`, 303);
  });

  // The processed audio for the staff player, whatever the status; byte ranges so it can seek.
  app.get('/episodes/:episodeId/audio', async (c) => {
    const id = c.req.param('episodeId');
    await visibleEpisode(c, id);
    const audio = await deps.media.audio(id);
    if (!audio) throw new NotFoundError('file', id);
    const redirect = await deps.store.url(audio.key, { expiresInSeconds: 3600 });
    if (redirect) return c.redirect(redirect, 302);
    const range = parseByteRange(c.req.header('range'), audio.size);
    if (range.kind === 'unsatisfiable')
      return c.body(null, 416, { 'content-range': `bytes */${audio.size}` });
    const partial = range.kind === 'partial';
    const start = partial ? range.start : 0;
    const end = partial ? range.end : audio.size - 1;
    const { body } = await deps.store.get(audio.key, audio.size === 0 ? undefined : { start, end });
    return c.body(Readable.toWeb(body) as ReadableStream, partial ? 206 : 200, {
      'content-type': audio.type,
      'accept-ranges': 'bytes',
      'content-length': String(audio.size === 0 ? 0 : end - start + 1),
      'cache-control': 'private, no-store',
      ...(partial ? { 'content-range': `bytes ${start}-${end}/${audio.size}` } : {}),
    });
  });

  return app;
}
