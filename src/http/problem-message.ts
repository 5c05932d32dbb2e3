import type { Locale } from './locale.js';

export type ProblemParams = Record<string, string | number>;

/** One problem's status and sentences (a leaf, so every message catalogue can import it). */
export type ProblemMessage = {
  status: number;
  title: Record<Locale, string>;
  detail: (p: ProblemParams, locale: Locale) => string;
};
