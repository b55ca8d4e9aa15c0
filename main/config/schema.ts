import { z } from 'zod';
import { refuseDemoLeftovers } from './outside-demo';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * Everything a terminal may be told. A terminal file holds it (see README), `PES_*` environment variables
 * override single fields, and defaults give a working demo against the simulator.
 */
export const configSchema = z
  .object({
    site: z.object({
      id: z.string().min(1).max(32),
      name: z.string().min(1).max(80),
    }),
    terminal: z.object({
      id: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and dashes, up to 32'),
      role: z.enum(['kiosk', 'desk']),
    }),
    database: z.object({ file: z.string().min(1) }),
    central: z.object({
      baseUrl: httpUrl,
      terminalSecret: z.string().min(8, 'must be at least 8 characters'),
      timeoutMs: z.number().int().min(100).max(60_000),
    }),
    gateway: z.object({
      baseUrl: httpUrl,
      userName: z.string().min(1),
      password: z.string().min(1),
      timeoutMs: z.number().int().min(100).max(60_000),
      /**
       * Origins of the banks' PSE pages the Electron window may visit during a payment (besides the gateway's
       * own). The browser host does not restrict them; Electron refuses any other origin.
       */
      bankOrigins: z.array(z.url({ protocol: /^https$/, error: 'bank origins must be https URLs' })).max(100),
    }),
    merchant: z.object({
      name: z.string().min(1),
      nit: z.string().regex(/^\d{6,15}-\d$/, 'NIT must be written base-checkDigit'),
      uniqueCode: z.string().min(1),
      terminalCode: z.string().min(1),
    }),
    printer: z.object({
      /** `tcp://host:port`, `printer:Name` or a device path; empty means the screen's print dialog only. */
      interface: z.string(),
      type: z.enum(['epson', 'star']),
      width: z.union([z.literal(32), z.literal(42), z.literal(48)]),
      characterSet: z.enum(['PC858_EURO', 'PC850_MULTILINGUAL']),
      timeoutMs: z.number().int().min(100).max(60_000),
    }),
    contacts: z.object({
      advisorEmail: z.email(),
      portfolioEmail: z.email(),
      sitePhones: z.array(z.string().min(3)).max(5),
      kindergartenPhones: z.array(z.string().min(3)).max(5),
      /** ACH's pending-payment text names a phone and an e-mail for customer service. */
      customerServicePhone: z.string().min(3),
      customerServiceEmail: z.email(),
    }),
    idle: z.object({
      warnAfterSeconds: z.number().int().min(10).max(3600),
      graceSeconds: z.number().int().min(5).max(300),
      maxSessionSeconds: z
        .number()
        .int()
        .min(60)
        .max(8 * 3600),
      operatorLockSeconds: z
        .number()
        .int()
        .min(30)
        .max(8 * 3600),
    }),
    rules: z.object({
      cedulaMinLength: z.number().int().min(3).max(12),
      cedulaMaxLength: z.number().int().min(3).max(12),
      otherAmountMinimum: z.number().int().min(1),
    }),
    log: z.object({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
      /** Rotating JSON-lines files here (the installed app: `<userData>/logs`); unset: stderr only. */
      dir: z.string().min(1).optional(),
      /** A file rotates at this size or daily; at most `maxFiles` files, none older than `maxAgeDays`. */
      maxFileMb: z.number().int().min(1).max(100).default(10),
      maxFiles: z.number().int().min(1).max(100).default(14),
      maxAgeDays: z.number().int().min(1).max(365).default(30),
    }),
    /** How long personal fields of settled records are kept (main/db/retention-repo.ts says which). */
    retention: z.object({ personalDataDays: z.number().int().min(1).max(3650) }),
    /** The cashier desk: its receipts are numbered `<receiptPrefix>-00000001`, … (one sequence per terminal). */
    desk: z
      .object({ receiptPrefix: z.string().regex(/^[A-Z0-9]{1,12}$/, 'capital letters and digits, up to 12') })
      .default({ receiptPrefix: 'RC' }),
    /** Start the app when the machine's user session starts (Windows login item, Linux autostart entry). */
    startup: z.object({ withMachine: z.boolean().default(false) }).default({ withMachine: false }),
    updates: z
      .object({
        /** electron-updater's generic feed (a folder served over HTTPS holding latest.yml); empty: no updates. */
        // What it serves runs with the app's rights: HTTPS only.
        feedUrl: z.union([z.literal(''), z.url({ protocol: /^https$/, error: 'must be an https URL' })]).default(''),
        /** Local hour (0-23) at which the terminal looks for a new version. */
        quietHour: z.number().int().min(0).max(23).default(3),
      })
      .default({ feedUrl: '', quietHour: 3 }),
  })
  .refine((c) => c.rules.cedulaMinLength <= c.rules.cedulaMaxLength, {
    path: ['rules', 'cedulaMinLength'],
    message: 'must not exceed cedulaMaxLength',
  })
  .superRefine(refuseDemoLeftovers);

export type Config = z.infer<typeof configSchema>;
