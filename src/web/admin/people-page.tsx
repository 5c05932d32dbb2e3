import type { Show } from '../../domain/show.js';
import type { StaffUser } from '../../domain/staff/staff-user.js';
import { roles } from '../../domain/tokens-service.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { CopyField } from './copy-field.js';
import { Check, Field, Section } from './form-field.js';
import { formatDateTime } from './format.js';

export function roleLabel(ctx: AdminContext, role: string): string {
  return role === 'admin' ? ctx.t.roleAdmin : role === 'editor' ? ctx.t.roleEditor : ctx.t.roleViewer;
}

export function RoleSelect(props: { ctx: AdminContext; id: string; value: string; label: string }) {
  return (
    <div class="za-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name="role">
        {roles.map((role) => (
          <option value={role} selected={role === props.value}>
            {roleLabel(props.ctx, role)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ShowLimit(props: {
  ctx: AdminContext;
  prefix: string;
  shows: Show[];
  chosen: string[] | null;
}) {
  return (
    <fieldset class="za-fieldset">
      <legend>{props.ctx.t.limitShows}</legend>
      {props.shows.map((show) => (
        <Check
          name="showIds"
          value={show.id}
          label={show.title}
          checked={props.chosen?.includes(show.id) ?? false}
          id={`${props.prefix}-${show.id}`}
        />
      ))}
    </fieldset>
  );
}

/** Accounts: invite, change role and shows, disable or enable, and a new password link. */
export function PeoplePage(props: {
  ctx: AdminContext;
  users: StaffUser[];
  shows: Show[];
  link?: { name: string; url: string } | null;
  formError?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const titles = new Map(props.shows.map((s) => [s.id, s.title]));
  return (
    <>
      {props.link && (
        <CopyField
          ctx={ctx}
          id="invite-link"
          label={fillLabel(t.inviteLink, { name: props.link.name })}
          value={props.link.url}
        />
      )}
      <ul class="za-people">
        {props.users.map((user) => (
          <li class="za-person">
            <h2>{user.name}</h2>
            <p>
              {user.email} · {roleLabel(ctx, user.role)} ·{' '}
              {user.disabled ? t.disabled : user.hasPassword ? t.active : t.waitingForPassword} ·{' '}
              {t.showsAccess}:{' '}
              {user.showIds === null ? t.allShows : user.showIds.map((id) => titles.get(id) ?? id).join(', ')}{' '}
              · {t.lastSignIn}: {user.lastSignInAt ? formatDateTime(user.lastSignInAt, ctx.locale) : t.never}
            </p>
            <form method="post" action={`/admin/people/${user.id}`} class="za-form">
              <CsrfField ctx={ctx} />
              <RoleSelect ctx={ctx} id={`role-${user.id}`} value={user.role} label={t.role} />
              <ShowLimit ctx={ctx} prefix={`limit-${user.id}`} shows={props.shows} chosen={user.showIds} />
              <div class="za-row">
                <button type="submit" class="za-button" name="action" value="save">
                  {t.save}
                </button>
                <button type="submit" class="za-button" name="action" value="reset">
                  {t.reset}
                </button>
                <button
                  type="submit"
                  class="za-button za-danger"
                  name="action"
                  value={user.disabled ? 'enable' : 'disable'}
                >
                  {user.disabled ? t.enable : t.disable}
                </button>
              </div>
            </form>
          </li>
        ))}
      </ul>
      <Section id="invite" title={t.invite}>
        <form method="post" action="/admin/people" class="za-form">
          <CsrfField ctx={ctx} />
          <Field name="name" label={t.name} required autocomplete="off" />
          <Field
            name="email"
            type="email"
            label={t.email}
            required
            autocomplete="off"
            error={props.formError}
          />
          <RoleSelect ctx={ctx} id="role-new" value="editor" label={t.role} />
          <ShowLimit ctx={ctx} prefix="limit-new" shows={props.shows} chosen={null} />
          <button type="submit" class="za-button za-primary">
            {t.invite}
          </button>
        </form>
      </Section>
    </>
  );
}
