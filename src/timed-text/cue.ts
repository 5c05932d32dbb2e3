/**
 * One timed piece of a transcript, the shape every format is parsed into and built from.
 * Times are seconds kept to the millisecond (the precision of WebVTT and SRT), so a cue survives
 * any round trip between formats unchanged. Text is plain text: markup is removed on the way in
 * and escaped on the way out, never passed through.
 */
export interface Cue {
  startSeconds: number;
  endSeconds: number;
  /** Plain text; lines separated by '\n', never an empty line inside (a VTT cue would end there). */
  text: string;
  /** The speaker's label as written in the file (`<v Jan>`, `"speaker": "Jan"`, `Jan: …`). */
  speaker?: string;
}
