import type { AdminContext } from './admin-context.js';
import type { AdminLabelKey } from './admin-labels.js';

/** An episode's status in words (colour is never the only cue). */
export function StatusBadge({ ctx, status }: { ctx: AdminContext; status: string }) {
  return (
    <span class={`za-status za-status-${status}`}>
      {ctx.t[`status_${status}` as AdminLabelKey] ?? status}
    </span>
  );
}
