import type { SearchResult } from '../domain/search-service.js';
import { clockTime } from './format-time.js';
import { fill } from './labels.js';
import type { PageContext } from './page-context.js';
import { SitePage } from './site-page.js';

/** `/search?q=`: the form, and the hits with the matched words marked and a link to their moment. */
export function SearchPage(props: {
  context: PageContext;
  query: string;
  results: SearchResult[] | null;
  canonical: string;
}) {
  const { context, query, results } = props;
  const { labels } = context;
  const where: Record<SearchResult['kind'], string> = {
    title: '',
    notes: labels.searchInNotes,
    chapter: labels.searchInChapters,
    transcript: labels.searchInTranscript,
  };
  const summary =
    results === null
      ? null
      : results.length === 0
        ? fill(labels.searchNone, { q: query })
        : results.length === 1
          ? fill(labels.searchResult, { q: query })
          : fill(labels.searchResults, { q: query, count: String(results.length) });
  return (
    <SitePage
      context={context}
      title={query ? `${labels.searchTitle}: ${query}` : labels.searchTitle}
      canonical={props.canonical}
      head={<meta name="robots" content="noindex" />}
    >
      <h1>{labels.searchTitle}</h1>
      <p>{labels.searchIntro}</p>
      <search class="zp-search-form">
        <form method="get" action={context.site?.searchUrl ?? '/search'}>
          <label for="zp-q">{labels.search}</label>
          <input id="zp-q" name="q" type="search" value={query} autocomplete="off" />
          <button type="submit">{labels.searchButton}</button>
        </form>
      </search>
      {summary && (
        <p role="status" class="zp-search-summary">
          {summary}
        </p>
      )}
      {results && results.length > 0 && (
        <ol class="zp-results">
          {results.map((result) => (
            <li class="zp-result">
              <h2>
                <a href={result.url}>
                  {result.episodeTitle}
                  {result.startSeconds !== null && (
                    <span class="zp-muted">
                      {' '}
                      ({fill(labels.searchAt, { time: clockTime(result.startSeconds) })})
                    </span>
                  )}
                </a>
              </h2>
              <p class="zp-meta">
                {result.showTitle}
                {where[result.kind] && ` · ${where[result.kind]}`}
                {result.speaker && ` · ${result.speaker}`}
              </p>
              <p lang={result.language}>
                {result.snippet.map((piece) => (piece.match ? <mark>{piece.text}</mark> : piece.text))}
              </p>
            </li>
          ))}
        </ol>
      )}
    </SitePage>
  );
}
