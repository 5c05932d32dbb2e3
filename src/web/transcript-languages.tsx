import type { PublicTranscript } from '../domain/public-episode-view.js';
import type { Labels } from './labels.js';

/** A language's own name in the page's language ("Engels" on a Dutch page). */
function languageName(tag: string, pageLanguage: string): string {
  try {
    return new Intl.DisplayNames([pageLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The languages a transcript exists in, as links that load the same page with the other
 * language's cues (`?transcript=`): the synced transcript and the captions follow, no script
 * needed. Each language also links its full transcript page with speaker names.
 */
export function TranscriptLanguages(props: {
  transcript: PublicTranscript;
  labels: Labels;
  /** The page or embed URL to add `?transcript=` to. */
  pageUrl: string;
  anchor?: string;
}) {
  const { transcript, labels } = props;
  if (transcript.languages.length < 2) return null;
  const hrefFor = (language: string) =>
    `${props.pageUrl}?transcript=${encodeURIComponent(language)}&lang=${labels.lang}${props.anchor ?? ''}`;
  return (
    <nav class="zp-transcript-languages" aria-label={labels.transcriptLanguages}>
      <ul>
        {transcript.languages.map((language) => (
          <li>
            <a
              href={hrefFor(language)}
              hreflang={language}
              aria-current={language === transcript.language ? 'true' : undefined}
            >
              {languageName(language, labels.lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
