import type { Config } from './schema';

/** The embedded default: a demo terminal of sede Barranquilla talking to the simulator on its usual ports. */
export const defaultConfig: Config = {
  site: { id: 'BAQ-01', name: 'Sede Barranquilla Centro' },
  terminal: { id: 'KIOSK-01', role: 'kiosk' },
  database: { file: 'var/pagos-express.db' },
  central: { baseUrl: 'http://127.0.0.1:5171/', terminalSecret: 'demo-terminal-secret', timeoutMs: 5000 },
  gateway: {
    baseUrl: 'http://127.0.0.1:5171/payment/',
    userName: 'cajacopi-demo',
    password: 'demo-password',
    timeoutMs: 8000,
    bankOrigins: [],
  },
  merchant: {
    name: 'CAJA DE COMPENSACIÓN FAMILIAR CAJACOPI ATLÁNTICO',
    nit: '890102044-1',
    uniqueCode: '1706',
    terminalCode: '000',
  },
  printer: { interface: '', type: 'epson', width: 48, characterSet: 'PC858_EURO', timeoutMs: 3000 },
  contacts: {
    advisorEmail: 'kathien.castro@cajacopi.com',
    portfolioEmail: 'cartera@cajacopi.com',
    sitePhones: ['(605) 3185930'],
    kindergartenPhones: ['3491109', '3714674', '317 647 5902'],
    customerServicePhone: '(605) 3185930',
    customerServiceEmail: 'servicioalcliente@cajacopi.com',
  },
  idle: { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 900, operatorLockSeconds: 300 },
  rules: { cedulaMinLength: 5, cedulaMaxLength: 10, otherAmountMinimum: 10_000 },
  log: { level: 'info', maxFileMb: 10, maxFiles: 14, maxAgeDays: 30 },
  retention: { personalDataDays: 90 },
  desk: { receiptPrefix: 'RC' },
  startup: { withMachine: false },
  updates: { feedUrl: '', quietHour: 3 },
};
