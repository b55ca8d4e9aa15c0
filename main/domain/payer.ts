/**
 * The PSE payer's data (name, e-mail, cell phone) as the gateway takes them, and the Spanish text of each rule.
 * Held once: the contract validates `payments.start` with it and the PSE step marks the fields with it before
 * anything is sent. No zod here on purpose: the renderer imports this module, and these three checks are not
 * worth the schema library in the kiosk's bundle.
 */
import { oneField } from './text-field';

export const PAYER_FIELDS = ['fullName', 'email', 'phone'] as const;
export type PayerField = (typeof PAYER_FIELDS)[number];
export type PayerData = Record<PayerField, string>;

const EMAIL = /^[^\s@"|]+@[^\s@"|]+\.[^\s@"|]+$/;

export const payerTexts = {
  bank: 'Seleccione una entidad financiera de la lista.',
  fullName: 'Escriba el nombre completo del pagador (de 3 a 80 caracteres, sin comillas ni barras verticales).',
  email: 'Escriba un correo electrónico válido, por ejemplo nombre@correo.com.',
  phone: 'Escriba el número celular de 10 dígitos, por ejemplo 3001234567.',
  review: 'Revise los datos marcados antes de continuar.',
} as const;

/**
 * The payer as sent: the name made one field (no newline, tab, control or bidi character reaches the gateway or
 * the paper), the e-mail trimmed (the phone is digits only already).
 */
export function normalizePayer(payer: PayerData): PayerData {
  return { fullName: oneField(payer.fullName), email: payer.email.trim(), phone: payer.phone };
}

/** Each field that breaks its rule, with its Spanish text; `{}` when the payer may be sent. */
export function payerProblems(raw: PayerData): Partial<Record<PayerField, string>> {
  const payer = normalizePayer(raw);
  const problems: Partial<Record<PayerField, string>> = {};
  // Characters as a person counts them (code points): an emoji or a rare letter is one, not two UTF-16 units.
  const nameLength = [...payer.fullName].length;
  if (nameLength < 3 || nameLength > 80 || /["|]/.test(payer.fullName)) problems.fullName = payerTexts.fullName;
  if (payer.email.length > 120 || !EMAIL.test(payer.email)) problems.email = payerTexts.email;
  // Colombian cell phone: 10 digits.
  if (!/^\d{10}$/.test(payer.phone)) problems.phone = payerTexts.phone;
  return problems;
}
