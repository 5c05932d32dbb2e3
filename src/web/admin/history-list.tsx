import type { AuditEvent } from '../../domain/staff/audit-trail.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { Section } from './form-field.js';
import { formatDateTime } from './format.js';

/** The audit trail of a show or an episode: who did what, when. */
export function HistoryList({ ctx, events }: { ctx: AdminContext; events: AuditEvent[] }) {
  return (
    <Section id="history" title={ctx.t.history}>
      {events.length === 0 ? (
        <p>{ctx.t.noHistory}</p>
      ) : (
        <ul class="za-list za-history">
          {events.map((event) => (
            <li>
              {fillLabel(ctx.t.historyLine, {
                when: formatDateTime(event.at, ctx.locale),
                who: event.actor.name,
                what: `${ctx.t[event.action] ?? event.action}${event.subject ? ` (${event.subject})` : ''}`,
              })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
