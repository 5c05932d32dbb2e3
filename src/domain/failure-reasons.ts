/**
 * Why processing an upload failed, as staff read it: one plain sentence per stored reason code
 * (episode.failureReason), Dutch and English. The codes are stable; clients branch on them.
 * Input faults are final; `processing_failed` is an infrastructure fault that outlived its retries.
 */
export const failureReasons: Record<string, { nl: string; en: string }> = {
  undecodable: {
    nl: 'Het bestand is geen geluid dat we kunnen lezen, of de geluidsgegevens zijn beschadigd. Upload het origineel opnieuw.',
    en: 'The file is not audio we can read, or its audio data is damaged. Upload the original again.',
  },
  no_audio_stream: {
    nl: 'Het bestand bevat geen geluidsspoor.',
    en: 'The file has no sound track.',
  },
  zero_duration: {
    nl: 'De opname heeft geen lengte.',
    en: 'The recording has no length.',
  },
  too_long: {
    nl: 'De opname is langer dan is toegestaan.',
    en: 'The recording is longer than allowed.',
  },
  truncated: {
    nl: 'Het bestand is afgebroken: er is minder geluid dan het zelf aangeeft.',
    en: 'The file is cut off: it holds less audio than it claims.',
  },
  processing_failed: {
    nl: 'Verwerken is een paar keer mislukt door een storing aan onze kant. Probeer het later opnieuw.',
    en: 'Processing failed a few times because of a fault on our side. Try again later.',
  },
};

/** The sentences for a stored reason, or null when there is none (or it is unknown). */
export function failureMessage(reason: string | null): { nl: string; en: string } | null {
  return reason ? (failureReasons[reason] ?? null) : null;
}
