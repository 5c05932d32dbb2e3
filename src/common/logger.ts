import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; the level comes from config, never from process.env here. */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({ level: options.level ?? 'info', name: options.name ?? 'zender' });
}
