import type { AdminContext } from './admin-context.js';
import { CsrfField } from './admin-layout.js';
import { Check, Section } from './form-field.js';

/** Deleting, behind a checkbox that must be ticked first (a single stray click deletes nothing). */
export function DangerZone(props: { ctx: AdminContext; action: string; label: string }) {
  const { t } = props.ctx;
  return (
    <Section id="delete" title={props.label}>
      <form method="post" action={props.action} class="za-form">
        <CsrfField ctx={props.ctx} />
        <Check name="confirm" label={t.confirmDelete} checked={false} id="f-confirm-delete" />
        <button type="submit" class="za-button za-danger">
          {props.label}
        </button>
      </form>
    </Section>
  );
}
