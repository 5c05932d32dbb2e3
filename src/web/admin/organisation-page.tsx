import type { FooterLink } from '../../domain/organisation.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { Field, Section } from './form-field.js';
import { organisationLabels } from './organisation-labels.js';

/** What the form shows: the saved settings, or what was typed when it was refused. */
export interface OrganisationFormValues {
  name: string;
  website: string;
  accentColor: string;
  footerLinks: FooterLink[];
  statements: Record<StatementField, string>;
}

export const statementFields = ['privacyNl', 'privacyEn', 'accessibilityNl', 'accessibilityEn'] as const;
export type StatementField = (typeof statementFields)[number];
export type OrganisationField = 'name' | 'website' | 'accentColor' | 'footerLinks' | 'logo';

/** Rows for footer links: the saved ones and two empty ones to add more (at most 12). */
const rowsOf = (links: FooterLink[]) =>
  [...links, { label: '', url: '' }, { label: '', url: '' }].slice(0, Math.max(links.length, 12));

/** The organisation behind the public pages: admins only. */
export function OrganisationPage(props: {
  ctx: AdminContext;
  values: OrganisationFormValues;
  errors: Partial<Record<OrganisationField, string>>;
  logoUrl: string | null;
  hasDefault: Record<StatementField, boolean>;
}) {
  const { ctx, values, errors } = props;
  const l = organisationLabels[ctx.locale];
  return (
    <>
      <p>{l.intro}</p>
      <form method="post" action="/admin/organisation" class="za-form" novalidate>
        <CsrfField ctx={ctx} />
        <Field name="name" label={l.name} value={values.name} error={errors.name} required />
        <Field
          name="website"
          type="url"
          label={l.website}
          hint={l.websiteHint}
          value={values.website}
          error={errors.website}
        />
        <Field
          name="accentColor"
          label={l.accent}
          hint={l.accentHint}
          value={values.accentColor}
          error={errors.accentColor}
          extra={{ pattern: '#[0-9a-fA-F]{6}', spellcheck: 'false' }}
        />
        <fieldset class="za-fieldset" aria-describedby="footer-hint">
          <legend>{l.footer}</legend>
          <p class="za-hint" id="footer-hint">
            {l.footerHint}
          </p>
          {errors.footerLinks && (
            <p class="za-field-error" id="f-footerLinks-error">
              {errors.footerLinks}
            </p>
          )}
          {rowsOf(values.footerLinks).map((link, i) => (
            <div class="za-row">
              <Field name={`linkLabel${i}`} label={fillLabel(l.linkLabel, { n: i + 1 })} value={link.label} />
              <Field name={`linkUrl${i}`} label={fillLabel(l.linkUrl, { n: i + 1 })} value={link.url} />
            </div>
          ))}
        </fieldset>
        {statementFields.map((field) => (
          <Field
            name={field}
            label={l[field]}
            hint={props.hasDefault[field] ? `${l.statementHint} ${l.statementDefault}` : l.statementHint}
            value={values.statements[field]}
            multiline
            rows={8}
          />
        ))}
        <button type="submit" class="za-button">
          {l.save}
        </button>
      </form>
      {statementFields.some((field) => !props.hasDefault[field]) && (
        <Section id="reset-statements" title={l.resetTitle}>
          {statementFields
            .filter((field) => !props.hasDefault[field])
            .map((field) => (
              <form method="post" action="/admin/organisation/reset" class="za-inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="statement" value={field} />
                <button type="submit" class="za-button">
                  {fillLabel(l.reset, { what: l[field] })}
                </button>
              </form>
            ))}
        </Section>
      )}
      <Section id="logo" title={l.logo}>
        {props.logoUrl ? (
          <img class="za-artwork" src={props.logoUrl} alt={fillLabel(l.logoAlt, { name: values.name })} />
        ) : (
          <p>{l.logoNone}</p>
        )}
        <form method="post" action="/admin/organisation/logo" enctype="multipart/form-data" class="za-form">
          <CsrfField ctx={ctx} />
          <div class={errors.logo ? 'za-field za-field-invalid' : 'za-field'}>
            <label for="f-logo">{l.logoUpload}</label>
            <p class="za-hint" id="f-logo-hint">
              {l.logoHint}
            </p>
            {errors.logo && (
              <p class="za-field-error" id="f-logo-error">
                {errors.logo}
              </p>
            )}
            <input
              id="f-logo"
              type="file"
              name="logo"
              accept="image/png,image/svg+xml"
              required
              aria-invalid={errors.logo ? 'true' : undefined}
              aria-describedby={errors.logo ? 'f-logo-hint f-logo-error' : 'f-logo-hint'}
              data-preview="#logo-preview"
            />
            <img id="logo-preview" class="za-artwork" alt="" hidden />
          </div>
          <button type="submit" class="za-button">
            {l.logoUpload}
          </button>
        </form>
        {props.logoUrl && (
          <form method="post" action="/admin/organisation/logo/remove" class="za-inline">
            <CsrfField ctx={ctx} />
            <button type="submit" class="za-button">
              {l.logoRemove}
            </button>
          </form>
        )}
      </Section>
    </>
  );
}
