import type { Show } from '../../domain/show.js';
import { channelRules, channels as socialChannels } from '../../social/channels.js';
import type { AdminContext } from './admin-context.js';
import { type AdminLabelKey, fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { categoryChoices } from './apple-category-names.js';
import { type EditablePerson, editablePerson, PersonsFieldset } from './credits-fields.js';
import { type FeedTagLabelKey, feedTagLabels } from './feed-tag-labels.js';
import { Check, Field, SelectField } from './form-field.js';
import { FeedTagFields, type FeedTagFormValues, feedTagValues } from './show-feed-tags-fields.js';

/** An error next to a field: a word of the staff screens or of the feed tags. */
export type ShowFormErrorKey = AdminLabelKey | FeedTagLabelKey;

export interface ShowFormValues extends FeedTagFormValues {
  title: string;
  description: string;
  author: string;
  ownerName: string;
  ownerEmail: string;
  language: string;
  category: string;
  category2: string;
  explicit: boolean;
  type: 'episodic' | 'serial';
  link: string;
  copyright: string;
  locked: boolean;
  loudness: string;
  channels: string[];
  hashtags: string;
  embedAllowlist: string;
  movedFeedUrl: string;
  /** YYYY-MM-DD */
  movedAfter: string;
  persons: EditablePerson[];
}

export function showValues(show: Show | null): ShowFormValues {
  return {
    title: show?.title ?? '',
    description: show?.description ?? '',
    author: show?.author ?? '',
    ownerName: show?.owner.name ?? '',
    ownerEmail: show?.owner.email ?? '',
    language: show?.language ?? 'nl',
    category: show?.categories[0] ?? '',
    category2: show?.categories[1] ?? '',
    explicit: show?.explicit ?? false,
    type: show?.type ?? 'episodic',
    link: show?.link ?? '',
    copyright: show?.copyright ?? '',
    locked: show?.locked ?? true,
    loudness: show?.loudnessTargetLufs === null || !show ? '' : String(show.loudnessTargetLufs),
    channels: show ? show.social.channels : [...socialChannels],
    hashtags: show?.social.hashtags.join(' ') ?? '',
    embedAllowlist: show?.embedAllowlist.join('\n') ?? '',
    movedFeedUrl: show?.movedTo?.feedUrl ?? '',
    movedAfter: show?.movedTo?.redirectAfter.slice(0, 10) ?? '',
    persons: show?.persons.map(editablePerson) ?? [],
    ...feedTagValues(show),
  };
}

function CategorySelect(props: {
  ctx: AdminContext;
  name: string;
  label: string;
  value: string;
  error?: string;
}) {
  const choices = categoryChoices(props.ctx.locale);
  const groups = [...new Set(choices.map((c) => c.group))];
  return (
    <SelectField name={props.name} label={props.label} error={props.error}>
      <option value="">{props.ctx.t.noCategory}</option>
      {groups.map((group) => (
        <optgroup label={group}>
          {choices
            .filter((c) => c.group === group)
            .map((c) => (
              <option value={c.value} selected={c.value === props.value}>
                {c.label}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** Every field of a show; errors next to their field, values as typed. */
export function ShowForm(props: {
  ctx: AdminContext;
  action: string;
  values: ShowFormValues;
  errors: Record<string, ShowFormErrorKey>;
  submit: string;
  defaultLufs: number;
}) {
  const { ctx, values: v } = props;
  const { t } = ctx;
  const tags = feedTagLabels[ctx.locale];
  const err = (field: string) => {
    const key = props.errors[field];
    if (!key) return undefined;
    return key in tags ? tags[key as FeedTagLabelKey] : t[key as AdminLabelKey];
  };
  return (
    <form method="post" action={props.action} class="za-form" novalidate>
      <CsrfField ctx={ctx} />
      <Field name="title" label={t.title} value={v.title} required error={err('title')} />
      <Field
        name="description"
        label={t.description}
        value={v.description}
        required
        multiline
        rows={5}
        error={err('description')}
      />
      <Field name="author" label={t.author} value={v.author} required error={err('author')} />
      <Field name="ownerName" label={t.ownerName} value={v.ownerName} error={err('ownerName')} />
      <Field
        name="ownerEmail"
        type="email"
        label={t.ownerEmail}
        value={v.ownerEmail}
        required
        hint={t.ownerHint}
        error={err('ownerEmail')}
      />
      <Field name="language" label={t.language} value={v.language} error={err('language')} />
      <CategorySelect
        ctx={ctx}
        name="category"
        label={t.category}
        value={v.category}
        error={err('category')}
      />
      <CategorySelect ctx={ctx} name="category2" label={t.category2} value={v.category2} />
      <fieldset class="za-fieldset">
        <legend>{t.showType}</legend>
        <div class="za-check">
          <input
            type="radio"
            id="f-type-episodic"
            name="type"
            value="episodic"
            checked={v.type === 'episodic'}
          />
          <label for="f-type-episodic">{t.episodic}</label>
        </div>
        <div class="za-check">
          <input type="radio" id="f-type-serial" name="type" value="serial" checked={v.type === 'serial'} />
          <label for="f-type-serial">{t.serial}</label>
        </div>
      </fieldset>
      <Check name="explicit" label={t.explicit} checked={v.explicit} />
      <Check name="locked" label={t.locked} checked={v.locked} />
      <Field name="link" type="url" label={t.link} value={v.link} error={err('link')} />
      <Field name="copyright" label={t.copyright} value={v.copyright} error={err('copyright')} />
      <FeedTagFields ctx={ctx} values={v} err={err} />
      <Field
        name="loudness"
        label={fillLabel(t.loudness, { lufs: String(props.defaultLufs).replace('-', '−') })}
        value={v.loudness}
        error={err('loudness')}
        extra={{ inputmode: 'decimal' }}
      />
      <fieldset class="za-fieldset">
        <legend>{t.channels}</legend>
        {socialChannels.map((channel) => (
          <Check
            name="channels"
            value={channel}
            label={channelRules[channel].label}
            checked={v.channels.includes(channel)}
          />
        ))}
      </fieldset>
      <Field name="hashtags" label={t.hashtags} value={v.hashtags} error={err('hashtags')} />
      <Field
        name="embedAllowlist"
        label={t.embedAllowlist}
        value={v.embedAllowlist}
        multiline
        rows={3}
        error={err('embedAllowlist')}
      />
      <PersonsFieldset
        ctx={ctx}
        persons={v.persons}
        errorOf={err}
        legend={t.showPersons}
        hint={t.showPersonsHint}
      />
      <fieldset class="za-fieldset">
        <legend>{t.movedTitle}</legend>
        <Field
          name="movedFeedUrl"
          type="url"
          label={t.movedFeedUrl}
          hint={t.movedFeedUrlHint}
          value={v.movedFeedUrl}
          error={err('movedFeedUrl')}
        />
        <Field
          name="movedAfter"
          type="date"
          label={t.movedAfter}
          hint={t.movedAfterHint}
          value={v.movedAfter}
          error={err('movedAfter')}
        />
      </fieldset>
      <button type="submit" class="za-button za-primary">
        {props.submit}
      </button>
    </form>
  );
}
