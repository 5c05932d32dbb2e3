import type { Show } from '../../domain/show.js';
import type { TokenSummary } from '../../domain/tokens-service.js';
import type { AdminContext } from './admin-context.js';
import { CsrfField } from './admin-layout.js';
import { CopyField } from './copy-field.js';
import { Field, Section } from './form-field.js';
import { formatDateTime } from './format.js';
import { RoleSelect, roleLabel, ShowLimit } from './people-page.js';

/** API tokens with their role and shows; a new token is shown once. */
export function TokensPage(props: {
  ctx: AdminContext;
  tokens: TokenSummary[];
  shows: Show[];
  created?: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const titles = new Map(props.shows.map((s) => [s.id, s.title]));
  return (
    <>
      {props.created && <CopyField ctx={ctx} id="new-token" label={t.tokenShown} value={props.created} />}
      <div class="za-table-wrap">
        <table class="za-table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.showsAccess}</th>
              <th scope="col">{t.lastUsed}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((token) => (
              <tr>
                <td>{token.name}</td>
                <td>{roleLabel(ctx, token.role)}</td>
                <td>
                  {token.showIds === null
                    ? t.allShows
                    : token.showIds.map((id) => titles.get(id) ?? id).join(', ')}
                </td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, ctx.locale) : t.never}</td>
                <td>
                  {token.revokedAt ? (
                    t.revoked
                  ) : (
                    <form method="post" action={`/admin/tokens/${token.id}/revoke`} class="za-inline">
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class="za-button za-danger"
                        aria-label={`${t.revoke}: ${token.name}`}
                      >
                        {t.revoke}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Section id="new-token-form" title={t.newToken}>
        <form method="post" action="/admin/tokens" class="za-form">
          <CsrfField ctx={ctx} />
          <Field name="name" label={t.tokenName} required autocomplete="off" />
          <RoleSelect ctx={ctx} id="token-role" value="editor" label={t.role} />
          <ShowLimit ctx={ctx} prefix="token-limit" shows={props.shows} chosen={null} />
          <button type="submit" class="za-button za-primary">
            {t.newToken}
          </button>
        </form>
      </Section>
    </>
  );
}
