import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { amountChoice, amountRefusal } from '../../main/domain/payment-amount';
import { pesosFromDigits } from '../format';
import { newRequestId } from '../payments/request-id';
import { paymentErrorText, paymentTexts } from '../payments/texts';
import { usePayerStore } from './payer';

type Quote = ApiOutput<'payments.quote'>;
export type AmountKind = 'installment' | 'balance' | 'other';

/**
 * One payment being prepared, its first step: *Monto a Pagar* (the quote, the amount chosen); the PSE step
 * (bank, payer, `payments.start`) is `stores/payer.ts`. The request id is made when Monto a Pagar opens and
 * kept for every retry of the same payment — a double tap or a retry after a lost answer gets the same payment
 * back from the core; it is renewed only when the person changes what they pay (another amount, bank or payer)
 * or the gateway refused the last one.
 */
export const usePaymentStore = defineStore('payment', () => {
  const quote = ref<Quote | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const choice = ref<AmountKind | null>(null);
  const otherDigits = ref('');
  const amountError = ref<string | null>(null);
  /** Set by *PAGAR POR PSE* once the amount is valid; the PSE step needs it. */
  const confirmedAmount = ref<number | null>(null);

  const requestId = ref('');
  /** ACH's refusal when another payment of the obligation is pending (from the quote or from the start). */
  const blockedText = ref<string | null>(null);

  const obligation = computed(() => quote.value?.obligation ?? null);
  const options = computed(() => quote.value?.options ?? null);
  const isSlip = computed(() => obligation.value?.kind === 'enrollmentSlip');

  /** The pesos of the current choice (null: nothing chosen, or Otro Valor empty). */
  const amount = computed<number | null>(() => {
    const o = options.value;
    if (!o) return null;
    if (choice.value === 'installment') return o.installment;
    if (choice.value === 'balance') return o.balance;
    if (choice.value === 'other') return pesosFromDigits(otherDigits.value);
    return null;
  });

  async function open(obligationId: string): Promise<void> {
    // Back from the PSE step to the same obligation: the amount chosen stays (the quote is asked again).
    const keepAmount = quote.value?.obligation.id === obligationId ? { kind: choice.value, digits: otherDigits.value } : null;
    resetFlow();
    loading.value = true;
    try {
      const q = await api.call('payments.quote', { obligationId });
      quote.value = q;
      blockedText.value = q.blocked?.text ?? null;
      choice.value = q.options.installment !== null ? 'installment' : q.options.balance > 0 ? 'balance' : null;
      if (keepAmount?.kind) {
        choice.value = keepAmount.kind;
        otherDigits.value = keepAmount.digits;
      }
      usePayerStore().prefill(q.payer);
    } catch (err) {
      error.value = paymentErrorText(err);
    } finally {
      loading.value = false;
    }
  }

  function resetFlow(): void {
    quote.value = null;
    error.value = null;
    choice.value = null;
    otherDigits.value = '';
    amountError.value = null;
    confirmedAmount.value = null;
    requestId.value = newRequestId();
    blockedText.value = null;
    usePayerStore().restart();
  }

  function choose(kind: AmountKind): void {
    choice.value = kind;
    amountError.value = null;
  }

  function setOther(text: string): void {
    otherDigits.value = text.replace(/\D/g, '').replace(/^0+/, '').slice(0, 12);
    choice.value = 'other';
    amountError.value = null;
  }

  /**
   * The amount rules on screen before anything is sent: the core's own rule (main/domain/payment-amount.ts) on
   * the options it quoted, so the screen refuses what the core would, in its words.
   */
  function checkAmount(): string | null {
    const o = options.value;
    const kind = obligation.value?.kind;
    if (!o || !kind) return paymentTexts.amount.missing;
    // No choice is made for the person only when there is nothing to pay (see `open`); the rule says so.
    if (choice.value === null) return amountRefusal(kind, o, 'balance')?.text ?? paymentTexts.amount.missing;
    if (choice.value === 'other' && amount.value === null && o.other) return paymentTexts.amount.otherMissing;
    return amountRefusal(kind, o, amountChoice(choice.value, amount.value))?.text ?? null;
  }

  /** *PAGAR POR PSE*: true when the PSE step may open. */
  function confirmAmount(): boolean {
    if (blockedText.value) return false;
    amountError.value = checkAmount();
    confirmedAmount.value = amountError.value === null ? amount.value : null;
    return confirmedAmount.value !== null;
  }

  /** The choice as `payments.start` takes it. */
  function amountInput() {
    const kind = choice.value ?? 'balance';
    return kind === 'other' ? ({ kind, pesos: amount.value ?? 0 } as const) : ({ kind } as const);
  }

  /** A different payment (another amount, bank or payer, or one the gateway refused) needs a new request id. */
  function renewRequestId(): void {
    requestId.value = newRequestId();
  }

  return {
    quote,
    loading,
    error,
    choice,
    otherDigits,
    amountError,
    confirmedAmount,
    requestId,
    blockedText,
    obligation,
    options,
    isSlip,
    amount,
    open,
    choose,
    setOther,
    confirmAmount,
    amountInput,
    renewRequestId,
  };
});
