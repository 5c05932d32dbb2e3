import type { FeedImportView } from '../../moving/imports-service.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { Check, Field, Section } from './form-field.js';
import { importLabels } from './import-labels.js';

/** What a refused start form keeps: the typed address and the reason next to the field. */
export interface ImportFormState {
  feedUrl: string;
  processAudio: boolean;
  error?: string;
}

function Checklist({ ctx }: { ctx: AdminContext }) {
  const l = importLabels[ctx.locale];
  return (
    <Section id="move-checklist" title={l.checklistTitle}>
      <ol class="za-checklist">
        <li>{l.checkRedirect}</li>
        <li>{l.checkApple}</li>
        <li>{l.checkSpotify}</li>
        <li>{l.checkKeep}</li>
      </ol>
    </Section>
  );
}

/** Start an RSS import, with the steps that finish a move. */
export function ImportsPage(props: { ctx: AdminContext; form: ImportFormState }) {
  const { ctx, form } = props;
  const l = importLabels[ctx.locale];
  return (
    <>
      <Section id="import-start" title={l.startTitle}>
        <p>{l.startIntro}</p>
        <form method="post" action="/admin/imports" class="za-form" novalidate>
          <CsrfField ctx={ctx} />
          <Field
            name="feedUrl"
            type="url"
            label={l.feedUrl}
            hint={l.feedUrlHint}
            value={form.feedUrl}
            error={form.error}
            required
          />
          <Check name="processAudio" label={l.processAudio} checked={form.processAudio} />
          <button type="submit" class="za-button">
            {l.start}
          </button>
        </form>
      </Section>
      <Checklist ctx={ctx} />
    </>
  );
}

/** One import's progress and the problems of the episodes that could not be taken over. */
export function ImportStatusPage(props: { ctx: AdminContext; view: FeedImportView; canOpenShow: boolean }) {
  const { ctx, view } = props;
  const l = importLabels[ctx.locale];
  const finished = view.status === 'done' || view.status === 'failed';
  return (
    <>
      <dl class="za-facts">
        <dt>{l.feedUrl}</dt>
        <dd>{view.feedUrl}</dd>
        <dt>{l.status}</dt>
        <dd>{l[view.status]}</dd>
        <dt>{l.episodes}</dt>
        <dd>{fillLabel(l.progress, view.episodes)}</dd>
      </dl>
      {!finished && <p>{l.refresh}</p>}
      {view.showId && props.canOpenShow && (
        <p>
          <a href={`/admin/shows/${view.showId}`}>{l.openShow}</a>
        </p>
      )}
      <Section id="import-problems" title={l.problems}>
        {view.problems.length === 0 ? (
          <p>{l.noProblems}</p>
        ) : (
          <ul class="za-problems">
            {view.problems.map((problem) => (
              <li>
                {problem.title ?? problem.guid ?? ''}
                {problem.title || problem.guid ? ': ' : ''}
                {problem.message[ctx.locale]}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Checklist ctx={ctx} />
    </>
  );
}

/** The export button on a show screen: a plain link, the download goes through the session. */
export function ExportSection(props: { ctx: AdminContext; showId: string }) {
  const l = importLabels[props.ctx.locale];
  return (
    <Section id="export" title={l.exportTitle}>
      <p>{l.exportText}</p>
      <a class="za-button" href={`/admin/shows/${props.showId}/export`} download>
        {l.exportButton}
      </a>
    </Section>
  );
}
