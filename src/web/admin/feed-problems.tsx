import type { FeedProblem } from '../../domain/feed-check.js';
import type { AdminContext } from './admin-context.js';
import { explainFeedProblem } from './feed-problem-labels.js';

/** The feed check, explained: errors first (they block publishing), then advice. */
export function FeedProblems(props: {
  ctx: AdminContext;
  problems: FeedProblem[];
  titles: Map<string, string>;
}) {
  const { ctx } = props;
  const sorted = [...props.problems].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  if (sorted.length === 0) return <p class="za-ok">{ctx.t.feedCheckOk}</p>;
  return (
    <ul class="za-list za-problems">
      {sorted.map((problem) => (
        <li class={`za-problem za-problem-${problem.level}`}>
          <strong>{problem.level === 'error' ? ctx.t.feedError : ctx.t.feedWarning}:</strong>{' '}
          {explainFeedProblem(problem, ctx.locale, props.titles.get(problem.episodeId ?? '') ?? '')}
        </li>
      ))}
    </ul>
  );
}
