import type { Episode } from '../../domain/episode.js';
import type { FeedProblem } from '../../domain/feed-check.js';
import type { Show } from '../../domain/show.js';
import type { AuditEvent } from '../../domain/staff/audit-trail.js';
import type { SocialDraft } from '../../social/social-draft.js';
import type { AdminContext } from './admin-context.js';
import type { AdminLabelKey } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import {
  type EditablePerson,
  type EditableSoundbite,
  editablePerson,
  editableSoundbite,
  labelErrors,
  PersonsFieldset,
  SoundbitesFieldset,
} from './credits-fields.js';
import { DangerZone } from './danger-zone.js';
import { DownloadsLink } from './downloads-admin-page.js';
import { DraftsSection } from './drafts-section.js';
import { ListenSection, UploadSection } from './episode-media.js';
import { Check, Field, Section } from './form-field.js';
import { HistoryList } from './history-list.js';
import { PublishSection } from './publish-section.js';
import { ChaptersEditor, type EditableChapter, type EditableCue, TranscriptEditor } from './text-editors.js';

export interface EpisodeFormValues {
  title: string;
  summary: string;
  description: string;
  season: string;
  number: string;
  type: string;
  explicit: boolean;
  persons: EditablePerson[];
  soundbites: EditableSoundbite[];
}

export function episodeValues(episode: Episode): EpisodeFormValues {
  return {
    title: episode.title,
    summary: episode.summary ?? '',
    description: episode.description ?? '',
    season: episode.season === null ? '' : String(episode.season),
    number: episode.number === null ? '' : String(episode.number),
    type: episode.type,
    explicit: episode.explicit,
    persons: episode.persons.map(editablePerson),
    soundbites: episode.soundbites.map(editableSoundbite),
  };
}

export interface EpisodeScreenData {
  show: Show;
  episode: Episode;
  waveform: number[] | null;
  cues: EditableCue[];
  chapters: EditableChapter[];
  problems: FeedProblem[];
  drafts: SocialDraft[];
  history: AuditEvent[];
  canEdit: boolean;
  chunkBytes: number;
  values: EpisodeFormValues;
  errors: Record<string, AdminLabelKey>;
}

function EpisodeForm(props: { ctx: AdminContext; data: EpisodeScreenData }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const v = data.values;
  const err = (field: string) => (data.errors[field] ? t[data.errors[field]] : undefined);
  return (
    <form method="post" action={`/admin/episodes/${data.episode.id}`} class="za-form" novalidate>
      <CsrfField ctx={ctx} />
      <Field name="title" label={t.title} value={v.title} required error={err('title')} />
      <Field name="summary" label={t.summary} value={v.summary} multiline rows={3} error={err('summary')} />
      <Field
        name="description"
        label={t.description}
        value={v.description}
        multiline
        rows={6}
        error={err('description')}
      />
      <div class="za-row">
        <Field
          name="season"
          label={t.season}
          value={v.season}
          error={err('season')}
          extra={{ inputmode: 'numeric' }}
        />
        <Field
          name="number"
          label={t.number}
          value={v.number}
          error={err('number')}
          extra={{ inputmode: 'numeric' }}
        />
      </div>
      <div class="za-field">
        <label for="f-type">{t.episodeType}</label>
        <select id="f-type" name="type">
          {(['full', 'trailer', 'bonus'] as const).map((type) => (
            <option value={type} selected={v.type === type}>
              {t[`type_${type}`]}
            </option>
          ))}
        </select>
      </div>
      <Check name="explicit" label={t.explicit} checked={v.explicit} />
      <PersonsFieldset
        ctx={ctx}
        persons={v.persons}
        errorOf={labelErrors(ctx, data.errors)}
        legend={t.episodePersons}
        hint={t.episodePersonsHint}
      />
      <SoundbitesFieldset ctx={ctx} soundbites={v.soundbites} errorOf={labelErrors(ctx, data.errors)} />
      <button type="submit" class="za-button za-primary">
        {t.save}
      </button>
    </form>
  );
}

/** One episode: details, recording, processing, listening, transcript, chapters, publishing, posts, history. */
export function EpisodeScreen({ ctx, data }: { ctx: AdminContext; data: EpisodeScreenData }) {
  const { t } = ctx;
  const { episode } = data;
  return (
    <>
      <p class="za-breadcrumb">
        <a href={`/admin/shows/${data.show.id}`}>{data.show.title}</a>
      </p>
      <UploadSection ctx={ctx} episode={episode} canEdit={data.canEdit} chunkBytes={data.chunkBytes} />
      <ListenSection ctx={ctx} episode={episode} waveform={data.waveform} />
      <Section id="details" title={t.episodeDetails}>
        {data.canEdit ? (
          <EpisodeForm ctx={ctx} data={data} />
        ) : (
          <dl class="za-facts">
            <dt>{t.summary}</dt>
            <dd>{episode.summary ?? ''}</dd>
            <dt>{t.description}</dt>
            <dd>{episode.description ?? ''}</dd>
          </dl>
        )}
      </Section>
      <TranscriptEditor ctx={ctx} episodeId={episode.id} cues={data.cues} canEdit={data.canEdit} />
      <ChaptersEditor
        ctx={ctx}
        episodeId={episode.id}
        chapters={data.chapters}
        canEdit={data.canEdit}
        hasAudio={Boolean(episode.audio)}
      />
      <PublishSection ctx={ctx} episode={episode} problems={data.problems} canEdit={data.canEdit} />
      <DraftsSection ctx={ctx} drafts={data.drafts} canEdit={data.canEdit} />
      <DownloadsLink ctx={ctx} href={`/admin/episodes/${episode.id}/downloads`} />
      <HistoryList ctx={ctx} events={data.history} />
      {data.canEdit && (
        <DangerZone ctx={ctx} action={`/admin/episodes/${episode.id}/delete`} label={t.deleteEpisode} />
      )}
    </>
  );
}
