import type { AdminContext } from './admin-context.js';

/**
 * A value staff copy elsewhere (the feed address, a new token, an invitation link): read-only,
 * with a copy button the script makes work (selectable by hand without it).
 */
export function CopyField(props: { ctx: AdminContext; id: string; label: string; value: string }) {
  const { t } = props.ctx;
  return (
    <div class="za-field za-copy">
      <label for={props.id}>{props.label}</label>
      <div class="za-row">
        <input id={props.id} type="text" readonly value={props.value} />
        <button type="button" class="za-button" data-copy={`#${props.id}`} data-copied={t.copied}>
          {t.copy}
        </button>
      </div>
    </div>
  );
}
