import type { Episode, QualityReport } from '../../domain/episode.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { Section } from './form-field.js';
import { formatNumber } from './format.js';
import { StatusBadge } from './status-badge.js';
import { Waveform } from './waveform.js';

/** Upload by file choice or drop, through tus to /admin/uploads; the script fills the live region. */
export function UploadSection(props: {
  ctx: AdminContext;
  episode: Episode;
  canEdit: boolean;
  chunkBytes: number;
}) {
  const { ctx, episode, canEdit } = props;
  const { t } = ctx;
  const busy = episode.status === 'processing';
  const labels = {
    progress: t.uploadProgress,
    done: t.uploadDone,
    paused: t.uploadPaused,
    failed: t.uploadFailed,
  };
  return (
    <Section id="audio" title={t.audio}>
      {canEdit && !['published', 'scheduled'].includes(episode.status) && (
        <div
          class="za-upload"
          data-upload
          data-episode={episode.id}
          data-endpoint="/admin/uploads"
          data-chunk-size={String(props.chunkBytes)}
          data-labels={JSON.stringify(labels)}
        >
          <div class="za-drop" data-drop>
            <label for="audio-file">{t.chooseFile}</label>
            <input
              id="audio-file"
              type="file"
              accept="audio/*,video/*,.wav,.mp3,.m4a,.flac,.ogg,.opus,.aac,.mp4,.mov"
              aria-describedby="drop-hint"
            />
            <p id="drop-hint" class="za-hint">
              {t.dropHint}
            </p>
          </div>
          <button type="button" class="za-button za-primary" data-upload-start>
            {t.startUpload}
          </button>
          <progress max="100" value="0" data-upload-bar aria-label={t.audio} hidden />
          <p role="status" aria-live="polite" class="za-live" data-upload-status />
        </div>
      )}
      <div
        class="za-processing"
        data-events={`/admin/episodes/${episode.id}/events`}
        data-watch={busy ? 'on' : 'off'}
        data-statuses={JSON.stringify({
          draft: t.status_draft,
          processing: t.status_processing,
          ready: t.status_ready,
          scheduled: t.status_scheduled,
          published: t.status_published,
          failed: t.status_failed,
        })}
      >
        <p>
          {t.status}:{' '}
          <span data-episode-status>
            <StatusBadge ctx={ctx} status={episode.status} />
          </span>
        </p>
        <progress max="100" value="0" data-processing-bar aria-label={t.processing} hidden={!busy} />
        <p role="status" aria-live="polite" class="za-live" data-processing-status>
          {episode.failureReason ?? ''}
        </p>
      </div>
    </Section>
  );
}

function QualityLines({ ctx, quality }: { ctx: AdminContext; quality: QualityReport }) {
  const { t, locale } = ctx;
  const target = quality.targetLufs ?? -16;
  const loudOk = Math.abs(quality.outputLufs - target) <= 1;
  const peakOk = quality.truePeakDbtp <= -1;
  return (
    <ul class="za-list za-quality">
      <li>
        {fillLabel(t.loudnessLine, {
          lufs: formatNumber(quality.outputLufs, locale),
          verdict: loudOk ? t.verdictGood : fillLabel(t.verdictOff, { target: formatNumber(target, locale) }),
        })}
      </li>
      <li>
        {fillLabel(t.peakLine, {
          dbtp: formatNumber(quality.truePeakDbtp, locale),
          verdict: peakOk ? t.verdictGood : t.verdictPeakHigh,
        })}
      </li>
      <li>{fillLabel(t.lraLine, { lra: formatNumber(quality.lra, locale) })}</li>
      {quality.clipping && <li>{t.clipping}</li>}
      {quality.truncated && <li>{t.truncated}</li>}
    </ul>
  );
}

/** The quality report in plain words and a player with the waveform. */
export function ListenSection(props: { ctx: AdminContext; episode: Episode; waveform: number[] | null }) {
  const { ctx, episode } = props;
  if (!episode.audio) return null;
  return (
    <Section id="listen" title={ctx.t.player}>
      {episode.quality && (
        <>
          <h3>{ctx.t.quality}</h3>
          <QualityLines ctx={ctx} quality={episode.quality} />
        </>
      )}
      {props.waveform && <Waveform heights={props.waveform} label={ctx.t.waveform} />}
      {/* biome-ignore lint/a11y/useMediaCaption: the transcript is on this screen, cue by cue, beside the player */}
      <audio
        controls
        preload="metadata"
        src={`/admin/episodes/${episode.id}/audio`}
        data-player
        class="za-audio"
      />
    </Section>
  );
}
