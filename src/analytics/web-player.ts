/**
 * zender's own player (embeds, public pages) asks for the enclosure with this query parameter,
 * so its plays count as "web player" rather than under the browser's name. An <audio> element
 * cannot send a header, and a Referer is cut by privacy settings and partners' referrer policies;
 * a parameter on the URL the player itself renders survives all of that. The feed's enclosure
 * URL never carries it, so apps are never counted as the web player.
 */
export const WEB_PLAYER_PARAM = 'via';
export const WEB_PLAYER_VALUE = 'player';

/** The enclosure URL as the player requests it. */
export function webPlayerUrl(enclosureUrl: string): string {
  return `${enclosureUrl}${enclosureUrl.includes('?') ? '&' : '?'}${WEB_PLAYER_PARAM}=${WEB_PLAYER_VALUE}`;
}
