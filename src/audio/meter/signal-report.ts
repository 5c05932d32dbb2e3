import type { LoudnessMeasurement } from '../loudness-measurement.js';
import type { PcmMeterResult } from './pcm-meter.js';
import type { Silence } from './silence.js';

/** BBC audiowaveform's JSON format, version 2, one channel, 8 bits: what peaks.js and wavesurfer read. */
export interface AudiowaveformJson {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  /** Number of pixels; `data` holds a min and a max for each. */
  length: number;
  data: number[];
}

export type { Silence } from './silence.js';

/** What staff and players are told about a signal: the quality report's figures and the waveform. */
export interface SignalReport {
  loudness: LoudnessMeasurement;
  samplePeakDbfs: number;
  silences: Silence[];
  leadingSilenceSeconds: number;
  trailingSilenceSeconds: number;
  peaks: AudiowaveformJson;
}

export interface SilenceSettings {
  /** Anything quieter counts as silence, dBFS (default -40). */
  noiseDb?: number;
  /** Shortest stretch reported, seconds (default 0.5). */
  minSeconds?: number;
}

export function dbfs(linear: number): number {
  return linear > 0 ? 20 * Math.log10(linear) : -99;
}

/**
 * The loudness figures of a metered signal after a linear gain of `gainDb` (0: the signal
 * itself). A gain scales every sample by one factor, so loudness, peaks and thresholds move by
 * exactly `gainDb` and the loudness range not at all: no second decode is needed to know them.
 */
export function meteredLoudness(metered: PcmMeterResult, gainDb = 0): LoudnessMeasurement {
  const silent = metered.integratedLufs <= -70;
  return {
    integratedLufs: silent ? -70 : metered.integratedLufs + gainDb,
    truePeakDbtp: metered.truePeak > 0 ? dbfs(metered.truePeak) + gainDb : -99,
    lra: metered.lra,
    thresholdLufs: silent ? -70 : metered.thresholdLufs + gainDb,
    targetOffset: 0,
  };
}

/** The whole report of a metered signal after a linear gain of `gainDb` (see meteredLoudness). */
export function signalReport(
  metered: PcmMeterResult,
  options: { gainDb?: number; silence?: SilenceSettings } = {},
): SignalReport {
  const { envelope } = metered;
  if (!envelope) throw new Error('the signal was metered without its waveform envelope');
  const gainDb = options.gainDb ?? 0;
  const silences = envelope.silences(
    options.silence?.noiseDb ?? -40,
    options.silence?.minSeconds ?? 0.5,
    gainDb,
  );
  const edges = edgeSilence(silences, metered.durationSeconds);
  const data = envelope.peakData(gainDb);
  return {
    loudness: meteredLoudness(metered, gainDb),
    samplePeakDbfs: metered.samplePeak > 0 ? dbfs(metered.samplePeak) + gainDb : -99,
    silences,
    leadingSilenceSeconds: edges.leadingSeconds,
    trailingSilenceSeconds: edges.trailingSeconds,
    peaks: {
      version: 2,
      channels: 1,
      sample_rate: envelope.sampleRate,
      samples_per_pixel: envelope.samplesPerPixel,
      bits: 8,
      length: data.length / 2,
      data,
    },
  };
}

/**
 * Silence at the very start and end of a recording, in seconds: what staff may want to trim.
 * `toleranceSeconds` absorbs encoder padding at both edges.
 */
export function edgeSilence(
  silences: Silence[],
  durationSeconds: number,
  toleranceSeconds = 0.1,
): { leadingSeconds: number; trailingSeconds: number } {
  const leading = silences.find((s) => s.start <= toleranceSeconds);
  const trailing = silences.find((s) => s.end >= durationSeconds - toleranceSeconds);
  return {
    leadingSeconds: leading ? round(leading.end - leading.start) : 0,
    trailingSeconds: trailing ? round(Math.min(trailing.end, durationSeconds) - trailing.start) : 0,
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
