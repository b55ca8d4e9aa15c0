import { randomUUID } from 'node:crypto';

/** Injected everywhere time or identity is needed, so tests can drive both. */
export interface Clock {
  now(): Date;
}
export interface IdSource {
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource = { uuid: () => randomUUID() };

export const TERMINAL_TIME_ZONE = 'America/Bogota';

/** Colombia is UTC−5 all year, with no daylight saving: an ISO string with a fixed offset is exact. */
export function toBogotaIso(date: Date): string {
  const shifted = new Date(date.getTime() - 5 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}-05:00`;
}
