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

/** The amount to charge for a choice, or an AmountError saying (in Spanish, for the screen) what is wrong. */
export function chooseAmount(obligation: PayableObligation, choice: AmountChoice, minimum: Pesos): Pesos {
  const { kind, balance, installment } = obligation;
  if (balance <= 0) {
    throw new AmountError('NOTHING_TO_PAY', 'obligation has no balance', 'Esta obligación no tiene saldo pendiente por pagar.');
  }
  if (kind === 'enrollmentSlip' && choice !== 'balance') {
    throw new AmountError(
      'FULL_PAYMENT_ONLY',
      'enrollment slips are paid in full',
      `Los volantes de matrícula se pagan por el valor total: ${formatCop(balance)}.`,
    );
  }
  if (choice === 'balance') return balance;
  if (choice === 'installment') {
    if (installment <= 0) {
      throw new AmountError(
        'NO_INSTALLMENT',
        'obligation has no installment',
        'Esta obligación no tiene una cuota asignada. Elija el saldo total u otro valor.',
      );
    }
    return Math.min(installment, balance);
  }
  const value = choice.other;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new AmountError('NOT_WHOLE_PESOS', 'other amount must be whole pesos', 'Escriba el valor en pesos, sin centavos ni decimales.');
  }
  if (balance < minimum) {
    throw new AmountError(
      'BALANCE_BELOW_MINIMUM',
      'balance is below the minimum of other amount',
      `Su saldo de ${formatCop(balance)} es menor que el valor mínimo de Otro Valor. Elija pagar el saldo total.`,
    );
  }
  if (value < minimum) {
    throw new AmountError('BELOW_MINIMUM', 'other amount below minimum', `El valor mínimo a pagar es ${formatCop(minimum)}.`);
  }
  if (value > balance) {
    throw new AmountError(
      'ABOVE_BALANCE',
      'other amount above balance',
      `El valor a pagar no puede ser mayor que su saldo de ${formatCop(balance)}.`,
    );
  }
  return value;
}
