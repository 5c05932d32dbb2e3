import type { ProblemMessage } from './problem-message.js';

const unprocessable = (
  nl: (p: Record<string, string | number>) => string,
  en: (p: Record<string, string | number>) => string,
): ProblemMessage => ({
  status: 422,
  title: { nl: 'Bestand geweigerd', en: 'File refused' },
  detail: (p, l) => (l === 'nl' ? nl(p) : en(p)),
});

/** Sentences for refused artwork and audio, in Dutch and English. */
export const mediaProblemMessages: Record<string, ProblemMessage> = {
  transcript_invalid: unprocessable(
    (p) =>
      Number(p.line) > 0
        ? `Het transcript klopt niet op regel ${p.line}: ${p.problem}`
        : `Het transcript klopt niet: ${p.problem}`,
    (p) =>
      Number(p.line) > 0
        ? `The transcript is wrong on line ${p.line}: ${p.problem}`
        : `The transcript is wrong: ${p.problem}`,
  ),
  chapters_invalid: unprocessable(
    (p) =>
      Number(p.line) > 0
        ? `De hoofdstukken kloppen niet op regel ${p.line}: ${p.problem}`
        : `De hoofdstukken kloppen niet: ${p.problem}`,
    (p) =>
      Number(p.line) > 0
        ? `The chapters are wrong on line ${p.line}: ${p.problem}`
        : `The chapters are wrong: ${p.problem}`,
  ),
  artwork_not_an_image: unprocessable(
    () => 'Dit bestand is geen afbeelding die we kunnen lezen. Upload een JPEG of PNG.',
    () => 'This file is not an image we can read. Upload a JPEG or PNG.',
  ),
  artwork_damaged: unprocessable(
    () =>
      'Deze afbeelding is beschadigd of afgebroken: de beeldgegevens zijn niet te lezen. Sla haar opnieuw op en upload haar nog eens.',
    () =>
      'This image is damaged or cut off: its picture data cannot be read. Save it again and upload it once more.',
  ),
  artwork_wrong_format: unprocessable(
    (p) => `Afbeeldingen in ${p.format}-formaat worden niet geaccepteerd. Upload een JPEG of PNG.`,
    (p) => `Images in ${p.format} format are not accepted. Upload a JPEG or PNG.`,
  ),
  artwork_not_square: unprocessable(
    (p) => `De afbeelding moet vierkant zijn; deze is ${p.width} × ${p.height} pixels.`,
    (p) => `The image must be square; this one is ${p.width} × ${p.height} pixels.`,
  ),
  artwork_too_small: unprocessable(
    (p) => `De afbeelding is ${p.width} pixels breed; Apple Podcasts vraagt minstens 1400 × 1400.`,
    (p) => `The image is ${p.width} pixels wide; Apple Podcasts needs at least 1400 × 1400.`,
  ),
  artwork_too_large: unprocessable(
    (p) => `De afbeelding is ${p.width} pixels breed; Apple Podcasts staat hoogstens 3000 × 3000 toe.`,
    (p) => `The image is ${p.width} pixels wide; Apple Podcasts allows at most 3000 × 3000.`,
  ),
  artwork_not_rgb: unprocessable(
    (p) => `De afbeelding gebruikt de kleurruimte ${p.space}; sla haar op als RGB.`,
    (p) => `The image uses the ${p.space} colour space; save it as RGB.`,
  ),
};
