/**
 * Reads the speaker convention of SRT and plain-text transcripts, "Name: what they said" (the
 * Podcasting 2.0 SRT guidance). Deliberately narrow, because a false hit moves words out of the
 * text: the label must start with a capital letter, have at most five words and 40 characters, and
 * hold only letters, digits and name punctuation, so "Let op: …" may match but "Om 10:30 begint …",
 * "https://…" and whole sentences do not.
 */
const PREFIX = /^([\p{Lu}\p{Lt}][\p{L}\p{M}\p{N}_.'’()\- ]{0,39}):[ \t]+(\S[\s\S]*)$/u;

export function splitSpeakerPrefix(text: string): { speaker?: string; text: string } {
  const match = PREFIX.exec(text);
  if (!match) return { text };
  const speaker = match[1].trim();
  if (speaker.split(/\s+/).length > 5) return { text };
  return { speaker, text: match[2] };
}
