import { formatCop, type Pesos } from './money';

/**
 * *Monto a Pagar*: the cuota, the whole saldo, or *Otro Valor* typed by the person. Enrollment slips (jardín)
 * are paid in full. Amounts are whole pesos. The minimum of Otro Valor (`rules.otherAmountMinimum`) is
 * inclusive: the minimum itself may be paid.
 */
export type AmountChoice = 'installment' | 'balance' | { other: number };

export interface PayableObligation {
  kind: 'credit' | 'enrollmentSlip';
  balance: Pesos;
  installment: Pesos;
}

export type AmountErrorReason =
  | 'NOTHING_TO_PAY'
  | 'FULL_PAYMENT_ONLY'
  | 'NO_INSTALLMENT'
  | 'NOT_WHOLE_PESOS'
  | 'BELOW_MINIMUM'
  | 'ABOVE_BALANCE'
  | 'BALANCE_BELOW_MINIMUM';

/** `text` is what the screen shows (Spanish); `message` is for logs (English). */
export class AmountError extends Error {
  override name = 'AmountError';
  constructor(
    readonly reason: AmountErrorReason,
    message: string,
    readonly text: string,
  ) {
    super(message);
  }
}

export interface AmountOptions {
  /** What the cuota option charges (the saldo when the saldo is below the cuota); null when not offered. */
  installment: Pesos | null;
  balance: Pesos;
  /** Bounds of Otro Valor; null when it is not offered. */
  other: { min: Pesos; max: Pesos } | null;
}

export function amountOptions(obligation: PayableObligation, minimum: Pesos): AmountOptions {
  const { kind, balance, installment } = obligation;
  if (balance <= 0) return { installment: null, balance: 0, other: null };
  if (kind === 'enrollmentSlip') return { installment: null, balance, other: null };
  return {
    installment: installment > 0 ? Math.min(installment, balance) : null,
    balance,
    other: balance >= minimum ? { min: minimum, max: balance } : null,
  };
}

/**
 * Every Spanish text of the amount rules, here once: the core's refusals (`AmountError.text`) and the notes the
 * screens show beside the options (Monto a Pagar, Cobrar) say the same thing in the same words.
 */
export const amountTexts = {
  nothingToPay: 'Esta obligación no tiene saldo pendiente por pagar.',
  fullPaymentOnly: (balance: Pesos) => `Los volantes de matrícula se pagan por el valor total: ${formatCop(balance)}.`,
  noInstallment: 'Esta obligación no tiene una cuota asignada. Elija el saldo total u otro valor.',
  notWholePesos: 'Escriba el valor en pesos, sin centavos ni decimales.',
  otherNotOffered: (balance: Pesos) =>
    `Su saldo de ${formatCop(balance)} es menor que el valor mínimo de Otro Valor. Elija pagar el saldo total.`,
  belowMinimum: (minimum: Pesos) => `El valor mínimo a pagar es ${formatCop(minimum)}.`,
  aboveBalance: (balance: Pesos) => `El valor a pagar no puede ser mayor que su saldo de ${formatCop(balance)}.`,
  /** Beside the slip's only option (no amount: the option shows it). */
  slipInFull: 'Los volantes de matrícula se pagan por el valor total.',
  installmentIsBalance: 'Su saldo es menor que la cuota: la cuota paga el saldo.',
} as const;

/** A choice as the contract carries it (`{kind, pesos}`) or as a screen holds it (`pesos` null: nothing typed). */
export function amountChoice(kind: 'installment' | 'balance' | 'other', pesos: number | null = null): AmountChoice {
  return kind === 'other' ? { other: pesos ?? 0 } : kind;
}

/** The amount to charge for a choice, or an AmountError saying (in Spanish, for the screen) what is wrong. */
export function chooseAmount(obligation: PayableObligation, choice: AmountChoice, minimum: Pesos): Pesos {
  return amountFromOptions(obligation.kind, amountOptions(obligation, minimum), choice);
}

/**
 * The same rule from what the quote offered (`amountOptions`), which is what a screen holds: the screens check
 * a choice with this before sending it, and get the very refusal the core would answer.
 */
export function amountFromOptions(kind: PayableObligation['kind'], options: AmountOptions, choice: AmountChoice): Pesos {
  const { balance, installment, other } = options;
  if (balance <= 0) throw new AmountError('NOTHING_TO_PAY', 'obligation has no balance', amountTexts.nothingToPay);
  if (kind === 'enrollmentSlip' && choice !== 'balance') {
    throw new AmountError('FULL_PAYMENT_ONLY', 'enrollment slips are paid in full', amountTexts.fullPaymentOnly(balance));
  }
  if (choice === 'balance') return balance;
  if (choice === 'installment') {
    if (installment === null) throw new AmountError('NO_INSTALLMENT', 'obligation has no installment', amountTexts.noInstallment);
    return installment;
  }
  // Otro Valor not offered at all is said before anything about the value typed into it.
  if (other === null) {
    throw new AmountError('BALANCE_BELOW_MINIMUM', 'balance is below the minimum of other amount', amountTexts.otherNotOffered(balance));
  }
  const value = choice.other;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new AmountError('NOT_WHOLE_PESOS', 'other amount must be whole pesos', amountTexts.notWholePesos);
  }
  if (value < other.min) throw new AmountError('BELOW_MINIMUM', 'other amount below minimum', amountTexts.belowMinimum(other.min));
  if (value > other.max) throw new AmountError('ABOVE_BALANCE', 'other amount above balance', amountTexts.aboveBalance(other.max));
  return value;
}

/** `amountFromOptions` for a screen: null when the choice may be sent, else the refusal. */
export function amountRefusal(kind: PayableObligation['kind'], options: AmountOptions, choice: AmountChoice): AmountError | null {
  try {
    amountFromOptions(kind, options, choice);
    return null;
  } catch (error) {
    if (error instanceof AmountError) return error;
    throw error;
  }
}
