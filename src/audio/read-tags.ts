import { parseFile } from 'music-metadata';

export interface RecordingTags {
  title?: string;
  artist?: string;
  album?: string;
  comment?: string;
  year?: number;
  /** The front cover (or the first picture); `format` is a MIME type such as `image/jpeg`. */
  picture?: { data: Buffer; format: string };
  /** ID3 CHAP frames (mp3) or a chapter track (m4a), sorted by start. */
  chapters: { startSeconds: number; title: string }[];
}

/**
 * Reads the tags staff may have left in the file (ID3, MP4, Vorbis, RIFF INFO…) with
 * music-metadata, so the episode can be prefilled. Headers only: it does not scan the audio.
 * A file music-metadata cannot parse yields empty tags (no tags is not an error); only a file
 * that cannot be read at all (missing, unreadable) throws.
 *
 * @example
 * const { title, chapters } = await readTags('/tmp/upload.mp3');
 */
export async function readTags(file: string): Promise<RecordingTags> {
  let metadata: Awaited<ReturnType<typeof parseFile>>;
  try {
    metadata = await parseFile(file, { includeChapters: true, duration: false, skipPostHeaders: false });
  } catch (error) {
    if (isSystemError(error)) throw error;
    return { chapters: [] };
  }
  const { common, format } = metadata;
  const pictures = common.picture ?? [];
  const picture = pictures.find((p) => /front/i.test(p.type ?? '')) ?? pictures[0];
  return {
    title: text(common.title),
    artist: text(common.artist),
    album: text(common.album),
    comment: text(common.comment?.map((c) => c.text ?? '').find((t) => t.trim())),
    year: common.year,
    picture: picture ? { data: Buffer.from(picture.data), format: picture.format } : undefined,
    chapters: (format.chapters ?? [])
      .map((c) => ({
        // ID3 chapters come in seconds; MP4 ones in units of their track's time scale.
        startSeconds: c.timeScale ? c.start / c.timeScale : c.start,
        title: c.title.trim(),
      }))
      .filter((c) => Number.isFinite(c.startSeconds) && c.title)
      .sort((a, b) => a.startSeconds - b.startSeconds),
  };
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

// ENOENT, EACCES, EISDIR…: the caller's problem, not the file's content.
function isSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
