import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { Section } from './form-field.js';
import { formatClock } from './format.js';

export interface EditableCue {
  start: number;
  end: number;
  text: string;
}

/** The transcript cue by cue (the placeholder's timed cues ready to fill), with play-from-here. */
export function TranscriptEditor(props: {
  ctx: AdminContext;
  episodeId: string;
  cues: EditableCue[];
  canEdit: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Section id="transcript" title={t.transcript}>
      {props.cues.length === 0 ? (
        <p>{t.transcriptEmpty}</p>
      ) : (
        <form method="post" action={`/admin/episodes/${props.episodeId}/transcript`} class="za-form za-cues">
          <CsrfField ctx={ctx} />
          <ol class="za-cue-list">
            {props.cues.map((cue, index) => {
              const time = formatClock(cue.start);
              return (
                <li class="za-cue">
                  <input type="hidden" name="start" value={String(cue.start)} />
                  <input type="hidden" name="end" value={String(cue.end)} />
                  <label for={`cue-${index}`}>{fillLabel(t.cueText, { time })}</label>
                  <div class="za-row">
                    <textarea id={`cue-${index}`} name="text" rows={2} readonly={!props.canEdit}>
                      {cue.text}
                    </textarea>
                    <button type="button" class="za-button" data-seek={String(cue.start)}>
                      {fillLabel(t.playFrom, { time })}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          {props.canEdit && (
            <button type="submit" class="za-button za-primary">
              {t.saveTranscript}
            </button>
          )}
        </form>
      )}
    </Section>
  );
}

export interface EditableChapter {
  start: number;
  title: string;
}

function ChapterRow(props: { ctx: AdminContext; index: number; chapter: EditableChapter; canEdit: boolean }) {
  const { t } = props.ctx;
  const i = props.index;
  return (
    <li class="za-chapter za-row" data-chapter-row>
      <div class="za-field">
        <label for={`chapter-start-${i}`}>{t.chapterStart}</label>
        <input
          id={`chapter-start-${i}`}
          name="chapterStart"
          value={props.chapter.title || i === 0 ? formatClock(props.chapter.start) : ''}
          inputmode="numeric"
          readonly={!props.canEdit}
        />
      </div>
      <div class="za-field">
        <label for={`chapter-title-${i}`}>{t.chapterTitle}</label>
        <input
          id={`chapter-title-${i}`}
          name="chapterTitle"
          value={props.chapter.title}
          readonly={!props.canEdit}
        />
      </div>
    </li>
  );
}

/** Chapters with start and title; "chapter at current time" fills a new row from the player. */
export function ChaptersEditor(props: {
  ctx: AdminContext;
  episodeId: string;
  chapters: EditableChapter[];
  canEdit: boolean;
  hasAudio: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  if (!props.canEdit && props.chapters.length === 0) return null;
  const rows = props.canEdit ? [...props.chapters, { start: 0, title: '' }] : props.chapters;
  return (
    <Section id="chapters" title={t.chapters}>
      <form method="post" action={`/admin/episodes/${props.episodeId}/chapters`} class="za-form">
        <CsrfField ctx={ctx} />
        <ol class="za-chapter-list" data-chapter-list>
          {rows.map((chapter, index) => (
            <ChapterRow ctx={ctx} index={index} chapter={chapter} canEdit={props.canEdit} />
          ))}
        </ol>
        {props.canEdit && (
          <div class="za-row">
            {props.hasAudio && (
              <button type="button" class="za-button" data-chapter-now>
                {t.chapterAtCurrent}
              </button>
            )}
            <button type="submit" class="za-button za-primary">
              {t.saveChapters}
            </button>
          </div>
        )}
      </form>
    </Section>
  );
}
