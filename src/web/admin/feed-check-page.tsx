import type { FeedProblem } from '../../domain/feed-check.js';
import type { Show } from '../../domain/show.js';
import type { AdminContext } from './admin-context.js';
import { feedCheckLabels } from './feed-check-labels.js';
import { FeedProblems } from './feed-problems.js';
import { Section } from './form-field.js';

/**
 * The full feed check of a show: the rules (as on the show screen), then what reading the built
 * feed back and probing its audio files found, each finding in a sentence with its particulars.
 */
export function FeedCheckScreen(props: {
  ctx: AdminContext;
  show: Show;
  problems: FeedProblem[];
  titles: Map<string, string>;
  hasFeed: boolean;
}) {
  const { ctx, show } = props;
  const w = feedCheckLabels[ctx.locale];
  const rules = props.problems.filter((problem) => !problem.messages);
  const findings = props.problems.filter((problem) => problem.messages);
  return (
    <>
      <p>
        <a href={`/admin/shows/${show.id}`}>{w.back}</a>
      </p>
      <p>{w.intro}</p>
      <Section id="feed-rules" title={w.rules}>
        <FeedProblems ctx={ctx} problems={rules} titles={props.titles} />
      </Section>
      <Section id="feed-and-audio" title={w.findings}>
        {!props.hasFeed ? (
          <p>{w.noFeed}</p>
        ) : findings.length === 0 ? (
          <p class="za-ok">{w.findingsOk}</p>
        ) : (
          <ul class="za-list za-problems">
            {findings.map((problem) => (
              <li class={`za-problem za-problem-${problem.level}`}>
                <strong>{w.error}:</strong> {problem.messages?.[ctx.locale] ?? problem.message}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a class="za-button" href={`/admin/shows/${show.id}/feed-check`}>
            {w.again}
          </a>
        </p>
      </Section>
    </>
  );
}

/** The way to the full check, under the rules on the show screen. */
export function FeedCheckLink(props: { ctx: AdminContext; showId: string }) {
  const w = feedCheckLabels[props.ctx.locale];
  return (
    <p class="za-hint">
      <a href={`/admin/shows/${props.showId}/feed-check`}>{w.link}</a>. {w.linkHint}
    </p>
  );
}
