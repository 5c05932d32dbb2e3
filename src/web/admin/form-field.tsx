import type { Child } from 'hono/jsx';

export interface FieldProps {
  name: string;
  /** Defaults to `f-` and the name; repeated rows give each input its own. */
  id?: string;
  label: string;
  value?: string | number | null;
  type?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  autocomplete?: string;
  extra?: Record<string, string | number | boolean>;
}

/** A labelled input with its hint and, when refused, its error next to it (linked for screen readers). */
export function Field(props: FieldProps) {
  const id = props.id ?? `f-${props.name.replace(/[^a-z0-9_-]/gi, '-')}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': described || undefined,
    autocomplete: props.autocomplete,
    ...props.extra,
  };
  return (
    <div class={props.error ? 'za-field za-field-invalid' : 'za-field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="za-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="za-field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 4}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value ?? ''} />
      )}
    </div>
  );
}

/** A labelled choice list with its error next to it (linked for screen readers); the options as children. */
export function SelectField(props: {
  name: string;
  label: string;
  id?: string;
  error?: string;
  children?: Child;
}) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <div class={props.error ? 'za-field za-field-invalid' : 'za-field'}>
      <label for={id}>{props.label}</label>
      {props.error && (
        <p class="za-field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.children}
      </select>
    </div>
  );
}

/** A checkbox with its label after it. */
export function Check(props: { name: string; label: string; checked: boolean; value?: string; id?: string }) {
  const id = props.id ?? `f-${props.name}-${props.value ?? 'on'}`.replace(/[^a-z0-9_-]/gi, '-');
  return (
    <div class="za-check">
      <input type="checkbox" id={id} name={props.name} value={props.value ?? 'on'} checked={props.checked} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** A section of a screen with its own heading. */
export function Section(props: { id: string; title: string; children?: Child }) {
  return (
    <section class="za-section" aria-labelledby={`${props.id}-h`} id={props.id}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
