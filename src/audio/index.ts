/**
 * audio/: the only place that runs ffmpeg and ffprobe. A leaf: paths and options in, plain results
 * out; binaries are handed in (resolveMediaTools), nothing here reads the environment.
 */
export { acceptedContainers } from './accepted-containers.js';
export { AudioRejectedError, type AudioRejectionReason } from './audio-rejected-error.js';
export {
  type DeliveryTags,
  type EncodeDeliveryOptions,
  type EncodeDeliveryResult,
  encodeDelivery,
} from './encode-delivery.js';
export type { DeliveryChapter } from './ffmetadata.js';
export { FfmpegError } from './ffmpeg-error.js';
export { type FirstPass, firstPass } from './first-pass.js';
export type { LoudnessMeasurement } from './loudness-measurement.js';
export { meteredLoudness, signalReport } from './meter/signal-report.js';
export { type AudioProbe, probeAudio } from './probe-audio.js';
export { type RecordingTags, readTags } from './read-tags.js';
export { type MediaTools, type ResolveMediaToolsOptions, resolveMediaTools } from './resolve-media-tools.js';
export {
  type ValidatedRecording,
  type ValidateRecordingOptions,
  validateRecording,
} from './validate-recording.js';
export { writeChapters } from './write-chapters.js';
