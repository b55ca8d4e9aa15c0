/**
 * The one way a date and time read for a person, on every screen (and on paper, where the printing module uses
 * it): es-CO, in the sede's time (America/Bogota, whatever the machine's zone), day first, 24-hour clock,
 * e.g. `30/11/2026 05:39`. Numeric parts only, so it reads the same in every ICU build and fits a 32-column
 * line; `Intl`'s `dateStyle` would give `30 nov 2026, 5:39 a. m.` on one machine and another text elsewhere.
 */
const TIME_ZONE = 'America/Bogota';

// Made on first use: building it loads ICU's locale and time-zone data, which a start must not wait for.
let parts: Intl.DateTimeFormat | undefined;
function partsFormat(): Intl.DateTimeFormat {
  parts ??= new Intl.DateTimeFormat('es-CO', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return parts;
}

/** An instant (ISO 8601 with an offset or `Z`, or a Date) as `dd/mm/aaaa hh:mm` in Bogotá time; '' for a bad value. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const got: Record<string, string> = {};
  for (const part of partsFormat().formatToParts(new Date(ms))) got[part.type] = part.value;
  return `${got.day}/${got.month}/${got.year} ${got.hour}:${got.minute}`;
}
