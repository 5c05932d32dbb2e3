import { describe, expect, it } from 'vitest';
import { collectLoudnessReport, parseLoudnessLog } from './parse-loudness-log.js';

const ebur128 = `[Parsed_ebur128_0 @ 0x5588bde9f140] Summary:

  Integrated loudness:
    I:         -22.2 LUFS
    Threshold: -32.2 LUFS

  Loudness range:
    LRA:         3.4 LU
    Threshold: -42.2 LUFS
    LRA low:   -24.0 LUFS
    LRA high:  -20.6 LUFS

  True peak:
    Peak:      -21.5 dBFS`.split('\n');

const loudnorm = `[Parsed_loudnorm_0 @ 0x557600b6e080] 
{
	"input_i" : "-22.25",
	"input_tp" : "-21.48",
	"input_lra" : "0.00",
	"input_thresh" : "-32.25",
	"output_i" : "-15.95",
	"output_tp" : "-15.25",
	"output_lra" : "0.00",
	"output_thresh" : "-25.95",
	"normalization_type" : "dynamic",
	"target_offset" : "-0.05"
}`.split('\n');

describe('parseLoudnessLog', () => {
  it('reads the ebur128 summary, taking the integrated threshold rather than the LRA one', () => {
    expect(parseLoudnessLog(ebur128)).toEqual({
      integratedLufs: -22.2,
      truePeakDbtp: -21.5,
      lra: 3.4,
      thresholdLufs: -32.2,
      targetOffset: 0,
    });
  });

  it('reads the loudnorm JSON block', () => {
    expect(parseLoudnessLog(loudnorm)).toEqual({
      integratedLufs: -22.25,
      truePeakDbtp: -21.48,
      lra: 0,
      thresholdLufs: -32.25,
      targetOffset: -0.05,
    });
  });

  it('turns -inf (digital silence) into finite floors that survive JSON', () => {
    const silent = ebur128.map((l) =>
      l.replace('-21.5 dBFS', '-inf dBFS').replace('-22.2 LUFS', '-70.0 LUFS'),
    );
    expect(parseLoudnessLog(silent)).toMatchObject({ integratedLufs: -70, truePeakDbtp: -99 });
    const json = loudnorm.map((l) => l.replace('"-21.48"', '"-inf"'));
    expect(parseLoudnessLog(json)?.truePeakDbtp).toBe(-99);
  });

  it('returns null when there is no report', () => {
    expect(parseLoudnessLog(['Conversion failed!'])).toBeNull();
    expect(parseLoudnessLog(['{', 'not json', '}'])).toBeNull();
  });

  it('collects only the closing report, whatever came before', () => {
    const report = collectLoudnessReport();
    for (let i = 0; i < 1000; i++) report.add(`[silencedetect @ 0x1] silence_start: ${i}`);
    for (const line of ebur128) report.add(line);
    expect(report.lines.length).toBe(ebur128.length);
    expect(parseLoudnessLog(report.lines)?.integratedLufs).toBe(-22.2);
  });
});
