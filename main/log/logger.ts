import pino, { type DestinationStream, type Logger } from 'pino';
import { format } from 'node:util';
import { scrub, scrubText } from './redact';

export type { Logger };

/**
 * JSON logs in English; every object and message passes through the scrubber first. A message with format
 * arguments (`logger.info('lookup %s', value)`) is formatted here and scrubbed whole, because pino would put
 * the arguments into the line after every formatter has run, and a phone split over three `%s` is a phone.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream; name?: string } = {}): Logger {
  return pino(
    {
      name: options.name ?? 'pagos-express-sede',
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // pino takes a lone Error's message as the line's message before any formatter runs.
          if (first instanceof Error && rest.length === 0) {
            method.apply(this, [{ err: first }, scrubText(first.message)] as unknown as Parameters<typeof method>);
            return;
          }
          const hasObject = typeof first === 'object' && first !== null;
          const [message, ...formatArgs] = hasObject ? rest : [first, ...rest];
          if (message === undefined) {
            method.apply(this, args);
            return;
          }
          const formatted = formatArgs.length === 0 ? String(message) : format(message, ...formatArgs.map((arg) => scrub(arg)));
          const text = scrubText(formatted);
          method.apply(this, (hasObject ? [first, text] : [text]) as unknown as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
