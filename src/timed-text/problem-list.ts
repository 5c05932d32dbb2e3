import type { Problem, ProblemCode } from './transcript-errors.js';

/**
 * Collects problems but keeps at most `perCode` of each kind, then says how many more there were.
 * A hostile or badly shifted file can have a problem on every one of 100 000 cues; nobody reads
 * that list, and building it would cost more than parsing the file.
 */
export class ProblemList {
  private readonly items: Problem[] = [];
  private readonly counts = new Map<ProblemCode, number>();

  constructor(private readonly perCode = 20) {}

  add(problem: Problem): void {
    const count = (this.counts.get(problem.code) ?? 0) + 1;
    this.counts.set(problem.code, count);
    if (count <= this.perCode) this.items.push(problem);
  }

  toArray(): Problem[] {
    const out = [...this.items];
    for (const [code, count] of this.counts) {
      if (count <= this.perCode) continue;
      const more = count - this.perCode;
      out.push({
        code: 'more_problems',
        severity: this.items.some((p) => p.code === code && p.severity === 'error') ? 'error' : 'warning',
        message: `${more} more problems of the kind "${code}" were not listed`,
        params: { kind: code, count: more },
      });
    }
    return out;
  }
}
