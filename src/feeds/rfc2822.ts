/**
 * A date as RFC 2822 text, the format RSS 2.0, Apple and the Podcasting 2.0 namespace ask for
 * (`Wed, 15 Jun 2019 19:00:00 GMT`). An invalid Date throws: "Invalid Date" in a published feed
 * would make apps drop or misplace the episode, which is worse than a failed rebuild.
 */
export function rfc2822(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('feeds: invalid date');
  return date.toUTCString();
}
