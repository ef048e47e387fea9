/**
 * Structured logs (pino): JSON lines on stdout, one per request in the web app, never personal data.
 * Each module asks for a child logger with its name; the request id travels as `reqId`.
 */
import { pino, type Logger, type LoggerOptions, type DestinationStream } from 'pino';

export type { Logger };

export interface LoggerSettings {
  /** pino level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'. */
  readonly level?: string;
  /** Where the lines go; stdout by default. Tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { service: 'csc-inspections' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: should a request or header object ever reach a log line, these go unprinted.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.remoteAddress', 'req.ip', 'ip'],
      remove: true,
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
