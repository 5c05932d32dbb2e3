import type { SocialDraft } from '../../social/social-draft.js';
import type { AdminContext } from './admin-context.js';
import { type AdminLabelKey, fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { Section } from './form-field.js';

/**
 * Every channel's draft side by side: the text, a counter (length / limit) the script keeps up
 * to date with the server's own counting, and edit, approve, reject and copy.
 */
export function DraftsSection(props: { ctx: AdminContext; drafts: SocialDraft[]; canEdit: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Section id="drafts" title={t.drafts}>
      {props.drafts.length === 0 ? (
        <p>{t.noDrafts}</p>
      ) : (
        <ul class="za-drafts">
          {props.drafts.map((draft) => {
            const editable = props.canEdit && draft.status === 'draft';
            const over = draft.length - draft.limit;
            return (
              <li class={`za-draft za-draft-${draft.status}`} data-draft={draft.id}>
                <h3 id={`draft-${draft.id}-h`}>{draft.label}</h3>
                <p class="za-draft-status">
                  {fillLabel(t.draftStatus, {
                    status: t[`draft_${draft.status}` as AdminLabelKey] ?? draft.status,
                  })}
                </p>
                <form method="post" action={`/admin/social-drafts/${draft.id}`} class="za-form">
                  <CsrfField ctx={ctx} />
                  <label for={`draft-${draft.id}`} class="za-visually-hidden">
                    {fillLabel(t.draftText, { channel: draft.label })}
                  </label>
                  <textarea
                    id={`draft-${draft.id}`}
                    name="text"
                    rows={8}
                    readonly={!editable}
                    aria-describedby={`draft-${draft.id}-count`}
                    data-count-channel={draft.channel}
                    data-count-target={`#draft-${draft.id}-count`}
                  >
                    {draft.text}
                  </textarea>
                  <p
                    id={`draft-${draft.id}-count`}
                    class={over > 0 ? 'za-counter za-over' : 'za-counter'}
                    data-counter
                    data-label={t.counter}
                    data-label-over={t.counterOver}
                  >
                    {over > 0
                      ? fillLabel(t.counterOver, { length: draft.length, limit: draft.limit, over })
                      : fillLabel(t.counter, { length: draft.length, limit: draft.limit })}
                  </p>
                  <div class="za-row">
                    {editable && (
                      <button type="submit" class="za-button" name="action" value="save">
                        {t.save}
                      </button>
                    )}
                    {editable && (
                      <button type="submit" class="za-button za-primary" name="action" value="approve">
                        {t.approve}
                      </button>
                    )}
                    {props.canEdit && ['draft', 'approved'].includes(draft.status) && (
                      <button type="submit" class="za-button za-danger" name="action" value="reject">
                        {t.reject}
                      </button>
                    )}
                    <button
                      type="button"
                      class="za-button"
                      data-copy={`#draft-${draft.id}`}
                      data-copied={t.copied}
                    >
                      {t.copy}
                    </button>
                  </div>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
