import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { ApiError } from '../api/errors';
import type { ApiOutput } from '../api/contract';
import { logFiles } from '../log/file';
import { scrub, scrubText } from '../log/redact';

/** The public status methods whose answers make up `status.json` (counts and states, no person's data). */
export const STATUS_METHODS = [
  'terminal.status',
  'connectivity.status',
  'sync.status',
  'outbox.status',
  'payments.unresolved',
  'printing.status',
] as const;

/** Scrubs every line again: the log was redacted when written, and a bundle leaving on a USB stick gets it twice. */
export function scrubLogText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      try {
        return JSON.stringify(scrub(JSON.parse(line)));
      } catch {
        return scrubText(line);
      }
    })
    .join('\n');
}

/**
 * *Exportar diagnóstico*: a folder `pagos-express-diagnostico-<terminal>-<time>` inside the folder the técnico
 * names (a USB stick), holding the log files and `status.json`. Nothing personal: the logs are redacted when
 * written and scrubbed again here; the status holds counts, states and the terminal's identity.
 */
export function createDiagnosticsExport(deps: {
  terminalId: string;
  /** Where the rotating log files are; undefined where logs go to stderr only (the browser host). */
  logsDir: string | undefined;
  status: () => Promise<Record<string, unknown>>;
  now: () => Date;
}) {
  return {
    async export(folder: string): Promise<ApiOutput<'diagnostics.export'>> {
      if (!isAbsolute(folder) || !existsSync(folder) || !statSync(folder).isDirectory()) {
        throw new ApiError('VALIDATION', 'diagnostics folder does not exist', { reason: 'FOLDER_NOT_FOUND' });
      }
      const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
      const target = join(folder, `pagos-express-diagnostico-${deps.terminalId}-${stamp}`);
      try {
        mkdirSync(target);
      } catch {
        throw new ApiError('VALIDATION', 'diagnostics folder is not writable', { reason: 'FOLDER_NOT_WRITABLE' });
      }
      const files: string[] = [];
      let bytes = 0;
      const write = (name: string, text: string) => {
        writeFileSync(join(target, name), text);
        files.push(name);
        bytes += Buffer.byteLength(text);
      };
      write('status.json', `${JSON.stringify(scrub(await deps.status()), null, 2)}\n`);
      for (const entry of deps.logsDir ? logFiles(deps.logsDir) : [])
        write(basename(entry.file), scrubLogText(readFileSync(entry.file, 'utf8')));
      return { folder: target, files, bytes };
    },
  };
}
