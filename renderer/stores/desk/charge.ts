import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiInput, ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { amountChoice, amountRefusal } from '../../../main/domain/payment-amount';
import { pesosFromDigits } from '../../format';
import { newRequestId } from '../../payments/request-id';
import { paymentTexts, reasonOf } from '../../payments/texts';
import { ApiCallError } from '../../api';
import { deskErrorText } from './errors';
import { deskTexts } from './texts';

type Quote = ApiOutput<'desk.quote'>;
type Payment = ApiOutput<'desk.payCash'>;
type Franchise = ApiInput<'desk.payCard'>['card']['franchise'];
export type AmountKind = 'installment' | 'balance' | 'other';
export type DeskMethod = 'cash' | 'card' | 'pse';
type FieldName = 'amount' | 'received' | 'franchise' | 'last4' | 'authorizationCode';

export const franchises: { value: Franchise; label: string }[] = [
  { value: 'VISA', label: 'Visa' },
  { value: 'MASTERCARD', label: 'Mastercard' },
  { value: 'AMEX', label: 'American Express' },
  { value: 'DINERS', label: 'Diners Club' },
  { value: 'MAESTRO', label: 'Maestro' },
  { value: 'OTHER', label: 'Otra' },
];

/**
 * *Cobrar* one obligation: the kiosk's amount rules (cuota, saldo, otro valor), then Efectivo (received → change)
 * or Datáfono (the slip's franchise, last four digits and authorization code). Fields are checked when the cashier
 * presses Cobrar, each with its Spanish reason; the core checks them again and has the last word.
 */
export const useChargeStore = defineStore('desk-charge', () => {
  const quote = ref<Quote | null>(null);
  const amountKind = ref<AmountKind>('installment');
  const otherDigits = ref('');
  const method = ref<DeskMethod>('cash');
  const receivedDigits = ref('');
  const franchise = ref<Franchise | ''>('');
  const last4 = ref('');
  const authorizationCode = ref('');
  const errors = ref<Partial<Record<FieldName, string>>>({});
  const error = ref<string | null>(null);
  const busy = ref(false);
  const lastPayment = ref<Payment | null>(null);
  let requestId = newRequestId();

  const amount = computed<number | null>(() => {
    const options = quote.value?.options;
    if (!options) return null;
    if (amountKind.value === 'installment') return options.installment;
    if (amountKind.value === 'balance') return options.balance;
    return pesosFromDigits(otherDigits.value);
  });
  const received = computed(() => pesosFromDigits(receivedDigits.value));
  const change = computed(() =>
    amount.value !== null && received.value !== null && received.value >= amount.value ? received.value - amount.value : null,
  );

  async function load(obligationId: string): Promise<void> {
    reset();
    try {
      quote.value = await api.call('desk.quote', { obligationId });
      amountKind.value = quote.value.options.installment !== null ? 'installment' : 'balance';
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  function reset(): void {
    quote.value = null;
    otherDigits.value = '';
    method.value = 'cash';
    receivedDigits.value = '';
    franchise.value = '';
    last4.value = '';
    authorizationCode.value = '';
    errors.value = {};
    error.value = null;
    requestId = newRequestId();
  }

  /** The kiosk's amount rule (main/domain/payment-amount.ts) on the quoted options: the core's refusal, in its words. */
  function amountError(): string | null {
    const q = quote.value;
    if (!q || amountKind.value !== 'other') return null;
    if (amount.value === null && q.options.other) return paymentTexts.amount.otherMissing.replace(' con el teclado numérico', '');
    return amountRefusal(q.obligation.kind, q.options, amountChoice('other', amount.value))?.text ?? null;
  }

  function check(): boolean {
    const found: Partial<Record<FieldName, string>> = {};
    const amountProblem = amountError();
    if (amountProblem) found.amount = amountProblem;
    if (method.value === 'cash') {
      if (received.value === null) found.received = deskTexts.charge.receivedMissing;
      else if (amount.value !== null && received.value < amount.value)
        found.received = deskTexts.charge.receivedShort(amount.value - received.value);
    }
    if (method.value === 'card') {
      if (franchise.value === '') found.franchise = deskTexts.charge.franchisePick;
      if (!/^\d{4}$/.test(last4.value)) found.last4 = deskTexts.charge.last4Invalid;
      if (!/^[A-Za-z0-9]{4,8}$/.test(authorizationCode.value.trim())) found.authorizationCode = deskTexts.charge.authCodeInvalid;
    }
    errors.value = found;
    return Object.keys(found).length === 0;
  }

  function amountInput(): ApiInput<'desk.payCash'>['amount'] {
    return amountKind.value === 'other' ? { kind: 'other', pesos: amount.value ?? 0 } : { kind: amountKind.value };
  }

  async function pay(): Promise<Payment | null> {
    const obligationId = quote.value?.obligation.id;
    if (!obligationId || method.value === 'pse') return null;
    if (!check()) {
      error.value = deskTexts.charge.review;
      return null;
    }
    busy.value = true;
    try {
      const payment =
        method.value === 'cash'
          ? await api.call('desk.payCash', { requestId, obligationId, amount: amountInput(), received: received.value ?? 0 })
          : await api.call('desk.payCard', {
              requestId,
              obligationId,
              amount: amountInput(),
              card: {
                franchise: franchise.value as Franchise,
                last4: last4.value,
                authorizationCode: authorizationCode.value.trim().toUpperCase(),
              },
            });
      lastPayment.value = payment;
      reset();
      return payment;
    } catch (err) {
      error.value = deskErrorText(err);
      if (err instanceof ApiCallError && reasonOf(err) === 'CASH_SHORT') errors.value = { received: error.value };
      if (err instanceof ApiCallError && reasonOf(err) === 'AMOUNT') errors.value = { amount: error.value };
      return null;
    } finally {
      busy.value = false;
    }
  }

  return {
    quote,
    amountKind,
    otherDigits,
    method,
    receivedDigits,
    franchise,
    last4,
    authorizationCode,
    errors,
    error,
    busy,
    lastPayment,
    amount,
    received,
    change,
    load,
    reset,
    check,
    pay,
  };
});
