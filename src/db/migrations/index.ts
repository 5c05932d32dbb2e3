import type { Migration } from 'kysely';
import * as createApiTokens from './0001-create-api-tokens.js';
import * as createShows from './0002-create-shows.js';
import * as createEpisodes from './0003-create-episodes.js';
import * as createJobs from './0004-create-jobs.js';
import * as indexJobsClaim from './0005-index-jobs-claim.js';
import * as createMediaFiles from './0006-create-media-files.js';
import * as createDownloadEvents from './0007-create-download-events.js';
import * as createAnalyticsSalts from './0008-create-analytics-salts.js';
import * as createFeedDocuments from './0009-create-feed-documents.js';
import * as createTranscripts from './0010-create-transcripts.js';
import * as createSocialDrafts from './0011-create-social-drafts.js';
import * as createWebhooks from './0012-create-webhooks.js';
import * as createWebhookDeliveries from './0013-create-webhook-deliveries.js';
import * as addApiTokensBootstrap from './0014-add-api-tokens-bootstrap.js';
import * as createEpisodePaths from './0017-create-episode-paths.js';
import * as fillEpisodePaths from './0018-fill-episode-paths.js';
import * as createShowSlugHistory from './0020-create-show-slug-history.js';
import * as backfillShowSlugHistory from './0021-backfill-show-slug-history.js';
import * as createUsers from './0030-create-users.js';
import * as createUserSessions from './0031-create-user-sessions.js';
import * as createSignInAttempts from './0032-create-sign-in-attempts.js';
import * as createUserInvitations from './0033-create-user-invitations.js';
import * as createAuditEvents from './0034-create-audit-events.js';
import * as addApiTokenShowIds from './0035-add-api-token-show-ids.js';
import * as createDownloadRequests from './0040-create-download-requests.js';
import * as indexDownloadRequestsAt from './0041-index-download-requests-at.js';
import * as indexDownloadRequestsListener from './0042-index-download-requests-listener.js';
import * as createDownloadCounts from './0043-create-download-counts.js';
import * as indexDownloadCountsShow from './0044-index-download-counts-show.js';
import * as createDownloadSettings from './0045-create-download-settings.js';
import * as dropDownloadEvents from './0046-drop-download-events.js';
import * as createOrganisation from './0050-create-organisation.js';
import * as createSearchIndex from './0051-create-search-index.js';
import * as createImports from './0060-create-imports.js';
import * as addFeedDocumentsGzip from './0073-add-feed-documents-gzip.js';
import * as addFeedDocumentsBr from './0074-add-feed-documents-br.js';
import * as foldSearchDiacritics from './0075-fold-search-diacritics.js';
import * as addShowsLicenseUrl from './0080-add-shows-license-url.js';
import * as licenseIdsFromText from './0081-license-ids-from-text.js';
import * as addFeedDocumentsHubUrl from './0085-add-feed-documents-hub-url.js';
import * as addDownloadRequestsCountableBytes from './0090-add-download-requests-countable-bytes.js';
import * as dropDownloadRequestsListenerIndex from './0091-drop-download-requests-listener-index.js';
import * as collateDownloadRequestsBytewise from './0092-collate-download-requests-bytewise.js';
import * as indexDownloadRequestsFold from './0093-index-download-requests-fold.js';

/**
 * Static list instead of FileMigrationProvider: no directory scan, works the same under tsx,
 * vitest and a bundler. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '0001-create-api-tokens': createApiTokens,
  '0002-create-shows': createShows,
  '0003-create-episodes': createEpisodes,
  '0004-create-jobs': createJobs,
  '0005-index-jobs-claim': indexJobsClaim,
  '0006-create-media-files': createMediaFiles,
  '0007-create-download-events': createDownloadEvents,
  '0008-create-analytics-salts': createAnalyticsSalts,
  '0009-create-feed-documents': createFeedDocuments,
  '0010-create-transcripts': createTranscripts,
  '0011-create-social-drafts': createSocialDrafts,
  '0012-create-webhooks': createWebhooks,
  '0013-create-webhook-deliveries': createWebhookDeliveries,
  '0014-add-api-tokens-bootstrap': addApiTokensBootstrap,
  '0017-create-episode-paths': createEpisodePaths,
  '0018-fill-episode-paths': fillEpisodePaths,
  '0020-create-show-slug-history': createShowSlugHistory,
  '0021-backfill-show-slug-history': backfillShowSlugHistory,
  '0040-create-download-requests': createDownloadRequests,
  '0041-index-download-requests-at': indexDownloadRequestsAt,
  '0042-index-download-requests-listener': indexDownloadRequestsListener,
  '0043-create-download-counts': createDownloadCounts,
  '0044-index-download-counts-show': indexDownloadCountsShow,
  '0045-create-download-settings': createDownloadSettings,
  '0046-drop-download-events': dropDownloadEvents,
  '0090-add-download-requests-countable-bytes': addDownloadRequestsCountableBytes,
  '0091-drop-download-requests-listener-index': dropDownloadRequestsListenerIndex,
  '0092-collate-download-requests-bytewise': collateDownloadRequestsBytewise,
  '0093-index-download-requests-fold': indexDownloadRequestsFold,
  '0030-create-users': createUsers,
  '0031-create-user-sessions': createUserSessions,
  '0032-create-sign-in-attempts': createSignInAttempts,
  '0033-create-user-invitations': createUserInvitations,
  '0034-create-audit-events': createAuditEvents,
  '0035-add-api-token-show-ids': addApiTokenShowIds,
  '0050-create-organisation': createOrganisation,
  '0051-create-search-index': createSearchIndex,
  '0073-add-feed-documents-gzip': addFeedDocumentsGzip,
  '0074-add-feed-documents-br': addFeedDocumentsBr,
  '0075-fold-search-diacritics': foldSearchDiacritics,
  '0060-create-imports': createImports,
  '0080-add-shows-license-url': addShowsLicenseUrl,
  '0081-license-ids-from-text': licenseIdsFromText,
  '0085-add-feed-documents-hub-url': addFeedDocumentsHubUrl,
};
