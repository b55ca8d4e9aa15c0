/**
 * Personal data never reaches a log line. Keys that name personal data are masked whatever their value; in
 * every other string, e-mails (also URL-encoded and non-ASCII), cédulas, NITs and phones (plain or written
 * `1.045.678.901`, `300 123 4567`, `300-123-4567`, `(605) 318 5930`) and bearer tokens are masked by pattern,
 * so a careless message cannot leak them either. Dates and times keep their digits: they are not personal and
 * a log without them is useless.
 */
const SENSITIVE_KEY = new RegExp(
  '^(' +
    [
      'cedula|document|documentNumber|docNumber|nit|studentId|ownerId|subjectId|payerId',
      'phone|cellphone|mobile|email|e-mail|payerEmail',
      'otp|otpCode|smsCode|verificationCode|pin|pinHash|password|secret|terminalSecret|token|accessToken|authorization|x-kiosk-token|cookie',
      'name|fullName|payerName|studentName|legalName|displayName|operatorName',
    ].join('|') +
    ')$',
  'i',
);

/**
 * `code` is both the SMS code a person types (digits) and the error code of a refusal (`"code":"WRONG_CODE"`,
 * `ECONNREFUSED`, `invalid_type`). Error codes start with a letter; anything else under that key is taken for a
 * sign-in code and masked.
 */
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_.-]{1,63}$/;

const EMAIL = /[\p{L}\p{N}._%+-]+(?:@|%(?:25)?40)[\p{L}\p{N}%-]+(?:\.[\p{L}\p{N}%-]+)*\.\p{L}{2,}/giu;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const DIGIT_RUN = /\d{5,}/g;
/**
 * Digits in groups, tried left to right: an ISO date (and time) is kept; thousands written with dots or spaces
 * (`1.045.678.901`, `900.123.456`, `98 148`) are an identifier from 5 digits on; groups split by spaces, dashes or a
 * parenthesised prefix (`300 123 4567`, `+57 300-123-4567`, `(605) 318 5930`) are a phone or a document from
 * 6 digits on (a spaced sign-in code too). Dotted groups that are not thousands (`127.0.0.1`, versions) are left alone.
 */
const GROUPED = new RegExp(
  [
    String.raw`(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)`,
    String.raw`((?<![\d.])\d{1,3}(?:[. ]\d{3})+(?![.\d]|\s\d))`,
    String.raw`((?<![\w.])(?:\+\d{1,3}[ \-]?)?(?:\(\d{1,4}\)[ \-]?)?\d{1,4}(?:[ \-]\d{1,4}){1,5}(?!\w))`,
  ].join('|'),
  'g',
);

function maskDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return `***${digits.slice(-2)}`;
}

export function maskValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const text = String(value);
  return text.length > 4 ? `***${text.slice(-2)}` : '***';
}

export function scrubText(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(BEARER, '$1[token]')
    .replace(GROUPED, (match: string, date?: string, thousands?: string, grouped?: string) => {
      if (date) return match;
      if (thousands) return thousands.replace(/\D/g, '').length >= 5 ? maskDigits(thousands) : match;
      if (grouped) return grouped.replace(/\D/g, '').length >= 6 ? maskDigits(grouped) : match;
      return match;
    })
    .replace(DIGIT_RUN, (run) => `***${run.slice(-2)}`);
}

function maskedByKey(key: string, value: unknown): boolean {
  if (SENSITIVE_KEY.test(key)) return true;
  return key.toLowerCase() === 'code' && !(typeof value === 'string' && ERROR_CODE.test(value));
}

export function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: scrubText(value.message), stack: value.stack ? scrubText(value.stack) : undefined };
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = maskedByKey(key, inner) ? maskValue(inner) : scrub(inner, depth + 1);
    }
    return out;
  }
  return value;
}
