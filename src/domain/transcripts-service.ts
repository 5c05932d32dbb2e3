import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Database, TranscriptsTable } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import {
  deleteTranscript,
  findTranscript,
  listTranscripts,
  saveTranscript,
} from '../db/repositories/transcripts-repository.js';
import {
  type Cue,
  detectTranscriptFormat,
  type Problem,
  parseTranscript,
  placeholderCues,
  TranscriptParseError,
  toHtml,
  toPodcastJson,
  toSrt,
  toVtt,
  validateCues,
} from '../timed-text/index.js';
import type { DomainEventEmitter } from './domain-events.js';
import type { TranscriptState } from './episode.js';
import { NotFoundError, UnprocessableError, UnsupportedMediaTypeError } from './errors.js';

export type TranscriptOutput = 'vtt' | 'srt' | 'json' | 'html';

export const transcriptContentTypes: Record<TranscriptOutput, string> = {
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

function toFieldProblems(problems: Problem[]) {
  return problems.map((p) => ({
    field: p.line ? `line ${p.line}` : 'transcript',
    code: p.code,
    message: p.message,
  }));
}

/**
 * Transcripts per episode and language: placeholders from the recording's speech at ingest,
 * drafts from a transcriber, and real ones staff upload in any common format. Only `ready`
 * transcripts are public and in the feed.
 */
export function createTranscriptsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: DomainEventEmitter;
}) {
  const { db, clock } = deps;

  async function requireEpisode(episodeId: string) {
    const episode = await findEpisodeById(db, episodeId);
    if (!episode) throw new NotFoundError('episode', episodeId);
    return episode;
  }

  /** The episode's summary of its transcripts, kept in step with the rows. */
  async function refreshState(episodeId: string) {
    const rows = await listTranscripts(db, episodeId);
    const ready = rows.filter((r) => r.status === 'ready').map((r) => r.language);
    const status: TranscriptState['status'] = ready.length
      ? 'ready'
      : rows.some((r) => r.status === 'draft')
        ? 'draft'
        : rows.length
          ? 'pending'
          : 'none';
    await updateEpisode(db, episodeId, {
      transcript: JSON.stringify({ status, languages: ready } satisfies TranscriptState),
      updated_at: clock.now().toISOString(),
    });
    await deps.events.emit('transcript.changed', { episodeId });
  }

  async function store(
    episodeId: string,
    language: string,
    status: TranscriptsTable['status'],
    source: TranscriptsTable['source'],
    cues: Cue[],
  ) {
    await saveTranscript(db, {
      episode_id: episodeId,
      language,
      status,
      source,
      cues: JSON.stringify(cues),
      updated_at: clock.now().toISOString(),
    });
    await refreshState(episodeId);
  }

  return {
    /** Staff upload: SRT, WebVTT, Podcasting 2.0 JSON or plain text. Broken files get 422 naming the line. */
    async upload(episodeId: string, language: string, body: string, contentType: string | undefined) {
      const episode = await requireEpisode(episodeId);
      const format = detectTranscriptFormat(contentType, body);
      if (!format) {
        throw new UnsupportedMediaTypeError(contentType ?? '', [
          'text/vtt',
          'application/x-subrip',
          'application/json',
          'text/plain',
        ]);
      }
      let parsed: ReturnType<typeof parseTranscript>;
      try {
        parsed = parseTranscript(body, format);
      } catch (error) {
        if (error instanceof TranscriptParseError) {
          throw new UnprocessableError(
            'transcript_invalid',
            { line: error.line ?? 0, problem: error.problem },
            [
              {
                field: error.line ? `line ${error.line}` : 'transcript',
                code: error.code,
                message: error.problem,
              },
            ],
          );
        }
        throw error;
      }
      const problems = validateCues(parsed.cues, episode.duration_seconds ?? 0, {
        cueLines: parsed.cueLines,
      });
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new UnprocessableError(
          'transcript_invalid',
          { line: errors[0].line ?? 0, problem: errors[0].message },
          toFieldProblems(errors),
        );
      }
      await store(episodeId, language, 'ready', 'upload', parsed.cues);
      return {
        language,
        status: 'ready' as const,
        cues: parsed.cues.length,
        timed: parsed.timed,
        warnings: toFieldProblems([...parsed.warnings, ...problems]),
      };
    },

    /** At ingest: empty cues on the speech segments, unless a transcript already exists. */
    async savePlaceholder(
      episodeId: string,
      language: string,
      speech: { start: number; end: number }[],
      duration: number,
    ) {
      const existing = await findTranscript(db, episodeId, language);
      if (existing && existing.source !== 'placeholder') return;
      await store(episodeId, language, 'pending', 'placeholder', placeholderCues(speech, duration));
    },

    /** A transcriber's output: replaces a placeholder as a draft that staff confirm. */
    async saveDraft(episodeId: string, language: string, body: string) {
      const existing = await findTranscript(db, episodeId, language);
      if (existing && existing.source === 'upload') return;
      const format = detectTranscriptFormat(null, body) ?? 'vtt';
      const parsed = parseTranscript(body, format);
      await store(episodeId, language, 'draft', 'transcriber', parsed.cues);
    },

    async confirm(episodeId: string, language: string) {
      const row = await findTranscript(db, episodeId, language);
      if (!row) throw new NotFoundError('transcript', `${episodeId}/${language}`);
      await store(episodeId, language, 'ready', row.source, row.cues);
    },

    async list(episodeId: string) {
      await requireEpisode(episodeId);
      return (await listTranscripts(db, episodeId)).map((row) => ({
        language: row.language,
        status: row.status,
        source: row.source,
        cues: row.cues.length,
        updatedAt: row.updated_at,
      }));
    },

    /** Renders one transcript; `publicOnly` hides placeholders and drafts. */
    async render(
      episodeId: string,
      language: string,
      format: TranscriptOutput,
      options: { publicOnly?: boolean; title?: string } = {},
    ) {
      const row = await findTranscript(db, episodeId, language);
      if (!row || (options.publicOnly && row.status !== 'ready'))
        throw new NotFoundError('transcript', `${episodeId}/${language}`);
      const { cues } = row;
      const episode = await requireEpisode(episodeId);
      const speakers = Object.fromEntries(
        (episode.extra.persons ?? []).map((p) => [p.name, p.role ? `${p.name} (${p.role})` : p.name]),
      );
      const body =
        format === 'vtt'
          ? toVtt(cues)
          : format === 'srt'
            ? toSrt(cues)
            : format === 'json'
              ? JSON.stringify(toPodcastJson(cues))
              : toHtml(cues, { speakers, lang: language, label: options.title });
      return {
        body,
        contentType: transcriptContentTypes[format],
        updatedAt: row.updated_at,
        status: row.status,
      };
    },

    async remove(episodeId: string, language: string) {
      if (!(await deleteTranscript(db, episodeId, language)))
        throw new NotFoundError('transcript', `${episodeId}/${language}`);
      await refreshState(episodeId);
    },
  };
}

export type TranscriptsService = ReturnType<typeof createTranscriptsService>;
