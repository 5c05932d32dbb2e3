/**
 * Demuxers ffmpeg may use on an uploaded file, passed as `-format_whitelist` on every input.
 *
 * Why a list at all: ffmpeg picks a demuxer by content, not by name, and some demuxers open other
 * files. An HLS playlist or ffconcat script uploaded as "interview.mp3" would otherwise make ffmpeg
 * read whatever local media it names (tested: an m3u8 pointing at another file on disk probes as a
 * valid 10 s recording). ffmpeg enforces the list itself, for nested opens too.
 *
 * Names are ffmpeg demuxer names: `mov` covers mp4/m4a/mov/3gp, `matroska` covers mkv/webm,
 * `wav` covers RF64/BW64, `mp3` covers mp2.
 */
export const acceptedContainers: readonly string[] = [
  'wav',
  'w64',
  'aiff',
  'caf',
  'flac',
  'mp3',
  'aac',
  'ac3',
  'eac3',
  'mov',
  'matroska',
  'webm',
  'ogg',
  'asf',
  'avi',
  'flv',
  'mpegts',
  'mpeg',
  'amr',
  'au',
  'wv',
  'ape',
  'tak',
  'dts',
];

/** Demuxers for the still image we attach as cover art. */
export const imageContainers: readonly string[] = ['image2', 'jpeg_pipe', 'png_pipe'];
