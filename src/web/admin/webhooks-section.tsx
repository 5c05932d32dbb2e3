import { type Webhook, webhookEvents } from '../../webhooks/webhooks-service.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { Check, Field, Section } from './form-field.js';

/** The show's webhooks: list, add (the secret shown once) and remove. */
export function WebhooksSection(props: {
  ctx: AdminContext;
  showId: string;
  webhooks: Webhook[];
  canEdit: boolean;
  newSecret?: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Section id="webhooks" title={t.webhooks}>
      {props.newSecret && (
        <p class="za-notice" role="status">
          {fillLabel(t.webhookSecret, { secret: props.newSecret })}
        </p>
      )}
      {props.webhooks.length === 0 ? (
        <p>{t.noWebhooks}</p>
      ) : (
        <ul class="za-list">
          {props.webhooks.map((hook) => (
            <li>
              <code>{hook.url}</code> — {hook.events.join(', ')}
              {props.canEdit && (
                <form
                  method="post"
                  action={`/admin/shows/${props.showId}/webhooks/${hook.id}/delete`}
                  class="za-inline"
                >
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="za-button za-danger" aria-label={`${t.remove}: ${hook.url}`}>
                    {t.remove}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && (
        <form method="post" action={`/admin/shows/${props.showId}/webhooks`} class="za-form">
          <CsrfField ctx={ctx} />
          <Field name="url" type="url" label={t.webhookUrl} required />
          <fieldset class="za-fieldset">
            <legend>{t.webhookEvents}</legend>
            {webhookEvents.map((event) => (
              <Check
                name="events"
                value={event}
                label={event}
                checked
                id={`f-event-${event.replace('.', '-')}`}
              />
            ))}
          </fieldset>
          <button type="submit" class="za-button">
            {t.addWebhook}
          </button>
        </form>
      )}
    </Section>
  );
}
