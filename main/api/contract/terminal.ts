import { z } from 'zod';
import { defineMethod } from './define';

export const roleSchema = z.enum(['kiosk', 'desk']);

export const terminalStatusOutput = z.object({
  appVersion: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  terminalId: z.string(),
  role: roleSchema,
  database: z.object({
    state: z.enum(['ok', 'error']),
    schemaVersion: z.number().int(),
    file: z.string(),
  }),
  /** ISO 8601 with the terminal's offset (America/Bogota). */
  time: z.string(),
  timeZone: z.string(),
  idle: z.object({ warnAfterSeconds: z.number().int(), graceSeconds: z.number().int() }),
});

export const contactsOutput = z.object({
  siteName: z.string(),
  advisorEmail: z.string(),
  portfolioEmail: z.string(),
  sitePhones: z.array(z.string()),
  kindergartenPhones: z.array(z.string()),
});

export const terminalMethods = {
  'terminal.status': defineMethod({
    input: z.object({}).strict(),
    output: terminalStatusOutput,
    access: 'public',
  }),
  'terminal.contacts': defineMethod({
    input: z.object({}).strict(),
    output: contactsOutput,
    access: 'public',
  }),
};
