/**
 * Personal data never reaches a log line. Keys that name personal data are masked whatever their value;
 * in every other string, e-mails, long digit runs (cédulas, NITs, phones, card numbers) and bearer tokens are
 * masked by pattern, so a careless message cannot leak them either.
 */
const SENSITIVE_KEY =
  /^(cedula|document|documentNumber|docNumber|nit|studentId|phone|cellphone|mobile|email|e-mail|otp|code|pin|pinHash|password|secret|token|accessToken|authorization|x-kiosk-token|cookie|name|fullName|payerName)$/i;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const DIGIT_RUN = /\d{5,}/g;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function maskValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const text = String(value);
  return text.length > 4 ? `***${text.slice(-2)}` : '***';
}

export function scrubText(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(BEARER, '$1[token]')
    .replace(DIGIT_RUN, (run) => `***${run.slice(-2)}`);
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
      out[key] = SENSITIVE_KEY.test(key) ? maskValue(inner) : scrub(inner, depth + 1);
    }
    return out;
  }
  return value;
}
