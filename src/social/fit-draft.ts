import type { Channel } from './channels.js';
import { formatGuests, type Guest } from './format-guests.js';
import { countGraphemes, fitsLimit } from './measure-length.js';
import { renderTemplate, type TemplateValues } from './render-template.js';
import type { Language } from './templates.js';
import { type TextShortener, textShortener } from './text-shortener.js';

/** Cleaned episode data for one channel; `link` is what {link} becomes there. */
export interface DraftContent {
  show: string;
  title: string;
  summary: string;
  guests: readonly Guest[];
  /** Bare tags, already limited to the channel's maximum. */
  hashtags: readonly string[];
  duration: string;
  link: string;
}

/** A summary or title cut shorter than this says too little: leave it out or cut something else. */
const MIN_GRAPHEMES = 20;

interface Step {
  namesOnly: boolean;
  maxGuests: number;
  hashtags: number;
  /** Last resort: the title may be cut to any length, then the show name too. */
  last: boolean;
}

/** The text's leading sentences, longest first (the whole text first): candidates for a summary that must shrink. */
function wholeSentences(text: string, language: Language): string[] {
  const ends: number[] = [];
  for (const { index, segment } of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)) {
    const end = index + segment.length;
    // Only where a space follows: the segmenter also splits at the dots inside a URL.
    if (end === text.length || /\s/.test(text[end - 1]) || /\s/.test(text[end] ?? '')) ends.push(end);
  }
  return ends
    .reverse()
    .map((end) => text.slice(0, end).trim())
    .filter(Boolean);
}

/**
 * What gives way, in order, when the text is too long. Within each step the summary is cut
 * (at a word boundary) or left out before the title is cut; the link is never touched.
 * Then guests lose their roles, then hashtags go one by one from the end, then guests from
 * the end ("… en anderen").
 */
function* steps(guests: number, hashtags: number): Generator<Step> {
  yield { namesOnly: false, maxGuests: guests, hashtags, last: false };
  for (let count = hashtags; count >= 0; count--) {
    yield { namesOnly: true, maxGuests: guests, hashtags: count, last: false };
  }
  for (let count = guests - 1; count >= 0; count--) {
    yield { namesOnly: true, maxGuests: count, hashtags: 0, last: false };
  }
  yield { namesOnly: true, maxGuests: 0, hashtags: 0, last: true };
}

/**
 * The fullest rendering of `template` that is within the channel's limits, or undefined when
 * even the link with the template's own words does not fit. Pass `shortener` to reuse the
 * prepared fields across channels.
 */
export function fitDraft(
  channel: Channel,
  template: string,
  content: DraftContent,
  language: Language,
  shortener: (text: string) => TextShortener = (text) => textShortener(text, language),
): string | undefined {
  const fits = (text: string) => fitsLimit(channel, text);
  const summary = shortener(content.summary);
  const title = shortener(content.title);
  const show = shortener(content.show);
  const minimum = (text: string) => Math.min(MIN_GRAPHEMES, countGraphemes(text));
  const tried = new Set<string>();

  for (const step of steps(content.guests.length, content.hashtags.length)) {
    const values: TemplateValues = {
      show: content.show,
      title: content.title,
      summary: content.summary,
      guests: formatGuests(content.guests, language, { namesOnly: step.namesOnly, max: step.maxGuests }),
      hashtags: content.hashtags
        .slice(0, step.hashtags)
        .map((tag) => `#${tag}`)
        .join(' '),
      duration: content.duration,
      link: content.link,
    };
    // Steps that change nothing visible (guests without roles, say) need not be tried twice.
    const key = `${values.guests}\u0000${values.hashtags}\u0000${step.last}`;
    if (tried.has(key)) continue;
    tried.add(key);

    const render = (changes: Partial<TemplateValues>) => renderTemplate(template, { ...values, ...changes });
    const fitting = (changes: Partial<TemplateValues>) => {
      const text = render(changes);
      return fits(text) ? text : undefined;
    };

    // The title first, with no summary: if even the whole title does not fit, the summary
    // (which gives way first) cannot be there either. Measuring short candidates first also
    // keeps a 5000-character title or summary from ever being measured whole.
    const titleMinimum = step.last ? 1 : minimum(content.title);
    const cutTitle = content.title
      ? title.longest((s) => fits(render({ summary: '', title: s })), titleMinimum)
      : fitting({ summary: '' }) === undefined
        ? undefined
        : '';
    if (cutTitle === content.title) {
      if (content.summary) {
        // Whole sentences first; a single sentence too long is cut between words, never inside one.
        const sentences = wholeSentences(content.summary, language).find((s) => fits(render({ summary: s })));
        if (sentences !== undefined) return render({ summary: sentences });
        const cutSummary = summary.longest(
          (s) => fits(render({ summary: s })),
          minimum(content.summary),
          true,
        );
        if (cutSummary !== undefined) return render({ summary: cutSummary });
      }
      return render({ summary: '' });
    }
    if (cutTitle !== undefined) return render({ summary: '', title: cutTitle });

    if (step.last) {
      const cutShow = show.longest((s) => fits(render({ summary: '', title: '', show: s })), 1);
      if (cutShow !== undefined) return render({ summary: '', title: '', show: cutShow });
      return fitting({ summary: '', title: '', show: '' });
    }
  }
  return undefined;
}
