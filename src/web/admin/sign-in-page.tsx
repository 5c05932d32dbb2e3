import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { Field } from './form-field.js';

/** The sign-in form: fields `email` and `password`, posted to /admin/login. */
export function SignInForm(props: { ctx: AdminContext; email: string }) {
  const { t } = props.ctx;
  return (
    <form method="post" action="/admin/login" class="za-form za-narrow">
      <p>{t.signInIntro}</p>
      <CsrfField ctx={props.ctx} />
      <Field name="email" type="email" label={t.email} value={props.email} required autocomplete="username" />
      <Field name="password" type="password" label={t.password} required autocomplete="current-password" />
      <button type="submit" class="za-button za-primary">
        {t.signIn}
      </button>
    </form>
  );
}

/** Choosing a password through a one-time invitation or reset link. */
export function SetPasswordForm(props: { ctx: AdminContext; email: string; error?: string }) {
  const { t } = props.ctx;
  return (
    <form method="post" class="za-form za-narrow">
      <p>{fillLabel(t.setPasswordIntro, { email: props.email })}</p>
      <CsrfField ctx={props.ctx} />
      <input type="text" name="username" value={props.email} autocomplete="username" hidden readonly />
      <Field
        name="password"
        type="password"
        label={t.newPassword}
        required
        autocomplete="new-password"
        error={props.error}
        extra={{ minlength: 12 }}
      />
      <button type="submit" class="za-button za-primary">
        {t.savePassword}
      </button>
    </form>
  );
}
