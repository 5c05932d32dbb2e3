import type { ByteThreshold } from '../analytics/byte-coverage.js';
import { DownloadWindow } from '../analytics/count-downloads.js';
import type { UserAgentClassifier, UserAgentKind } from '../analytics/user-agent-kind.js';
import type { ListenerRequestRow } from '../db/repositories/download-fold-repository.js';

export type CountedKind = Extract<UserAgentKind, { counts: true }>;

/**
 * One listener's requests for one episode in one UTC day, replayed in time order: who made the
 * download (app and device) when its counting moment falls after `afterMs`, else null. A day is
 * shorter than the 24-hour window, so a listener makes at most one download of an episode in it.
 * The user agent of the first request decides, and a request from zender's own player makes the
 * rest count as the web player.
 */
export function replayListener(
  rows: readonly ListenerRequestRow[],
  thresholdFor: (fileSize: number) => ByteThreshold,
  classify: UserAgentClassifier,
  afterMs: number,
): CountedKind | null {
  if (rows.length === 0) return null;
  let kind = classify(rows[0].user_agent, rows[0].web_player === 1);
  if (!kind.counts) return null; // a bot stays a bot: its user agent is part of the listener
  let webPlayer = false;
  const window = new DownloadWindow();
  for (const row of rows) {
    if (row.web_player === 1 && !webPlayer) {
      webPlayer = true;
      kind = classify(row.user_agent, true);
      if (!kind.counts) return null;
    }
    const at = Date.parse(row.at);
    const request = {
      at,
      method: row.method,
      status: row.status,
      rangeStart: row.range_start === null ? null : Number(row.range_start),
      rangeEnd: row.range_end === null ? null : Number(row.range_end),
      fileSize: Number(row.file_size),
    };
    // The first moment the window becomes a download is the only one this day can have.
    if (window.add(request, thresholdFor)) return at > afterMs ? kind : null;
  }
  return null;
}
