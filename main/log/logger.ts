import pino, { type DestinationStream, type Logger } from 'pino';
import { scrub, scrubText } from './redact';

export type { Logger };

/** JSON logs in English; every object and message passes through the scrubber first. */
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
          // pino takes a lone Error's message as the line's message before any formatter runs.
          const [first] = args;
          if (first instanceof Error && args.length === 1) {
            method.apply(this, [{ err: first }, scrubText(first.message)] as unknown as Parameters<typeof method>);
            return;
          }
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
