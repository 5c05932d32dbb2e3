/** Injected so tests can move time (scheduled publishing, leases, backoff). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
