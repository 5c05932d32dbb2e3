import type { Episode } from '../../domain/episode.js';
import type { Show } from '../../domain/show.js';
import type { AttentionJob } from '../../domain/staff/job-attention.js';
import type { AdminContext } from './admin-context.js';
import type { AdminLabelKey } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { EpisodeTable } from './episode-table.js';
import { Section } from './form-field.js';

const jobNames: Record<string, { nl: string; en: string }> = {
  'process-episode': { nl: 'Opname verwerken', en: 'Process recording' },
  'rebuild-feed': { nl: 'Feed bijwerken', en: 'Update feed' },
  'publish-scheduled': { nl: 'Ingepland publiceren', en: 'Scheduled publishing' },
  'cleanup-uploads': { nl: 'Oude uploads opruimen', en: 'Clean up old uploads' },
  'generate-social-drafts': { nl: 'Berichten maken', en: 'Write posts' },
  'deliver-webhook': { nl: 'Webhook versturen', en: 'Send webhook' },
  'write-chapters': { nl: 'Hoofdstukken in MP3 schrijven', en: 'Write chapters into the MP3' },
  transcribe: { nl: 'Transcript maken', en: 'Transcribe' },
  'ping-websub-hub': { nl: 'WebSub-hub op de hoogte brengen', en: 'Notify the WebSub hub' },
  'retag-show': { nl: 'Nieuwe podcastnaam in de MP3’s zetten', en: "Put the show's new name into its MP3s" },
};

export interface OverviewData {
  shows: Show[];
  episodes: (Episode & { showTitle: string })[];
  jobs: AttentionJob[];
  canEdit: boolean;
}

/** Shows, recent episodes with their status, and jobs that run or failed with "try again". */
export function OverviewPage({ ctx, data }: { ctx: AdminContext; data: OverviewData }) {
  const { t, locale } = ctx;
  return (
    <>
      <Section id="shows" title={t.shows}>
        {data.shows.length === 0 ? (
          <p>{t.noShows}</p>
        ) : (
          <ul class="za-cards">
            {data.shows.map((show) => (
              <li>
                <a href={`/admin/shows/${show.id}`}>{show.title}</a>
              </li>
            ))}
          </ul>
        )}
        {data.canEdit && (
          <p>
            <a class="za-button" href="/admin/shows/new">
              {t.newShow}
            </a>
          </p>
        )}
      </Section>
      <Section id="recent" title={t.recentEpisodes}>
        <EpisodeTable
          ctx={ctx}
          episodes={data.episodes}
          showOf={(episode) => episode.showTitle}
          changedAt={(episode) => episode.updatedAt}
        />
      </Section>
      <Section id="jobs" title={t.jobs}>
        {data.jobs.length === 0 ? (
          <p>{t.noJobs}</p>
        ) : (
          <ul class="za-list">
            {data.jobs.map(({ job, episodeId, subject }) => (
              <li class={`za-job za-job-${job.status}`}>
                <p>
                  <strong>{jobNames[job.kind]?.[locale] ?? job.kind}</strong>
                  {subject && episodeId && (
                    <>
                      {' — '}
                      <a href={`/admin/episodes/${episodeId}`}>{subject}</a>
                    </>
                  )}
                  {': '}
                  {t[`job_${job.status}` as AdminLabelKey]}
                  {job.status === 'running' && ` (${job.progress}%)`}
                </p>
                {job.status === 'failed' && job.error && (
                  <p class="za-reason">
                    {t.jobReason}: {job.error}
                  </p>
                )}
                {job.status === 'failed' && data.canEdit && (
                  <form method="post" action={`/admin/jobs/${job.id}/retry`}>
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="za-button">
                      {t.retry}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
