import type { Show } from '../../domain/show.js';
import { EpisodeFirstDaysPanel, ShowDownloadsPanel } from '../analytics/downloads-screens.js';
import type { AdminContext } from './admin-context.js';
import { CsrfField } from './admin-layout.js';
import { Check, Section } from './form-field.js';

const words = {
  nl: {
    title: 'Beluisteringen',
    open: 'Beluisteringen bekijken',
    publicTitle: 'Openbare totalenpagina',
    publicText: 'Toon de totalen van deze podcast op een openbare pagina:',
    publicCheck: 'Totalen openbaar maken',
    publicOn: 'De totalen staan openbaar op',
    publicOff: 'De totalen zijn niet openbaar.',
    save: 'Opslaan',
    saved: 'De instelling is opgeslagen.',
    method: 'Hoe we downloads tellen',
  },
  en: {
    title: 'Downloads',
    open: 'See the downloads',
    publicTitle: 'Public totals page',
    publicText: 'Show this podcast’s totals on a public page:',
    publicCheck: 'Make the totals public',
    publicOn: 'The totals are public at',
    publicOff: 'The totals are not public.',
    save: 'Save',
    saved: 'The setting was saved.',
    method: 'How downloads are counted',
  },
} as const;

export const downloadsWords = (ctx: AdminContext) => words[ctx.locale];

type ShowPanel = Parameters<typeof ShowDownloadsPanel>[0];
type EpisodePanel = Parameters<typeof EpisodeFirstDaysPanel>[0];

/** A show's downloads with the public-page opt-in (editors change it, everyone sees it). */
export function ShowDownloadsScreen(props: {
  ctx: AdminContext;
  show: Show;
  panel: ShowPanel;
  isPublic: boolean;
  publicUrl: string;
  canEdit: boolean;
}) {
  const { ctx, show } = props;
  const w = downloadsWords(ctx);
  return (
    <>
      <p class="za-breadcrumb">
        <a href={`/admin/shows/${show.id}`}>{show.title}</a>
      </p>
      <ShowDownloadsPanel {...props.panel} />
      <Section id="public-totals" title={w.publicTitle}>
        {props.isPublic ? (
          <p>
            {w.publicOn} <a href={props.publicUrl}>{props.publicUrl}</a>
          </p>
        ) : (
          <p>{w.publicOff}</p>
        )}
        {props.canEdit && (
          <form method="post" action={`/admin/shows/${show.id}/downloads/public`} class="za-form">
            <CsrfField ctx={ctx} />
            <Check name="public" value="on" label={w.publicCheck} checked={props.isPublic} />
            <button type="submit" class="za-button">
              {w.save}
            </button>
          </form>
        )}
        <p>
          <a href="/downloads">{w.method}</a>
        </p>
      </Section>
    </>
  );
}

/** An episode's first 30 days against the show's median episode. */
export function EpisodeDownloadsScreen(props: {
  ctx: AdminContext;
  show: Show;
  episode: { id: string; title: string };
  panel: EpisodePanel;
}) {
  return (
    <>
      <p class="za-breadcrumb">
        <a href={`/admin/shows/${props.show.id}`}>{props.show.title}</a> ›{' '}
        <a href={`/admin/episodes/${props.episode.id}`}>{props.episode.title}</a>
      </p>
      <EpisodeFirstDaysPanel {...props.panel} />
    </>
  );
}

/** The way to a downloads screen from a show or episode screen. */
export function DownloadsLink(props: { ctx: AdminContext; href: string }) {
  const w = downloadsWords(props.ctx);
  return (
    <Section id="downloads" title={w.title}>
      <p>
        <a href={props.href}>{w.open}</a>
      </p>
    </Section>
  );
}
