import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { pesosFromDigits } from '../format';
import { newRequestId } from '../payments/request-id';
import { detailOf, paymentErrorText, paymentTexts, reasonOf, refusedFields } from '../payments/texts';

type Quote = ApiOutput<'payments.quote'>;
type Bank = ApiOutput<'payments.banks'>['banks'][number];
export type AmountKind = 'installment' | 'balance' | 'other';
export type PayerField = 'fullName' | 'email' | 'phone';

/** What `payments.start` answered: go to the bank, or show the result of a payment that already exists. */
export type StartOutcome = { kind: 'bank'; redirectUrl: string } | { kind: 'result'; reference: string } | { kind: 'refused' };

const EMAIL = /^[^\s@"|]+@[^\s@"|]+\.[^\s@"|]+$/;

/**
 * One payment being prepared: *Monto a Pagar* (the quote, the amount chosen) and the PSE step (bank, payer),
 * up to `payments.start`. The request id is made when Monto a Pagar opens and kept for every retry of the same
 * payment — a double tap or a retry after a lost answer gets the same payment back from the core; it is renewed
 * only when the person changes what they pay (another amount, bank or payer) or the gateway refused the last one.
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

  const banks = ref<Bank[]>([]);
  const banksError = ref<string | null>(null);
  const banksLoading = ref(false);
  const bankCode = ref('');
  const payer = ref<Record<PayerField, string>>({ fullName: '', email: '', phone: '' });
  const payerErrors = ref<Partial<Record<PayerField | 'bank', string>>>({});

  const requestId = ref('');
  /** What the request id was last sent with: a different payment needs a new id. */
  const sentWith = ref<string | null>(null);
  const starting = ref(false);
  const startError = ref<string | null>(null);
  /** ACH's refusal when another payment of the obligation is pending (from the quote or from the start). */
  const blockedText = ref<string | null>(null);
  const leaving = ref(false);

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
    const keepPayer = payer.value;
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
      // Prefill from the session; what the person already corrected on this screen stays.
      payer.value = keepPayer.fullName || keepPayer.email || keepPayer.phone ? keepPayer : { fullName: q.payer.fullName, email: q.payer.email, phone: q.payer.phone };
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
    bankCode.value = '';
    payerErrors.value = {};
    requestId.value = newRequestId();
    sentWith.value = null;
    startError.value = null;
    blockedText.value = null;
    leaving.value = false;
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

  /** The amount rules, on screen before anything is sent (the core checks them again with the same words). */
  function checkAmount(): string | null {
    const o = options.value;
    if (!o) return paymentTexts.amount.missing;
    if (o.balance <= 0) return paymentTexts.amount.nothingToPay;
    if (choice.value === null) return paymentTexts.amount.missing;
    if (choice.value !== 'other') return amount.value === null ? paymentTexts.amount.missing : null;
    if (!o.other) return paymentTexts.amount.otherNotOffered(o.balance);
    const value = amount.value;
    if (value === null) return paymentTexts.amount.otherMissing;
    if (value < o.other.min) return paymentTexts.amount.belowMinimum(o.other.min);
    if (value > o.other.max) return paymentTexts.amount.aboveBalance(o.other.max);
    return null;
  }

  /** *PAGAR POR PSE*: true when the PSE step may open. */
  function confirmAmount(): boolean {
    if (blockedText.value) return false;
    amountError.value = checkAmount();
    confirmedAmount.value = amountError.value === null ? amount.value : null;
    return confirmedAmount.value !== null;
  }

  async function loadBanks(): Promise<void> {
    banksLoading.value = true;
    banksError.value = null;
    try {
      banks.value = (await api.call('payments.banks', {})).banks;
      if (bankCode.value && !banks.value.some((b) => b.code === bankCode.value)) bankCode.value = '';
    } catch (err) {
      banks.value = [];
      banksError.value = paymentErrorText(err);
    } finally {
      banksLoading.value = false;
    }
  }

  function setPayer(field: PayerField, value: string): void {
    payer.value = { ...payer.value, [field]: field === 'phone' ? value.replace(/\D/g, '').slice(0, 10) : value };
    const errors = { ...payerErrors.value };
    delete errors[field];
    payerErrors.value = errors;
  }

  function checkPayer(): boolean {
    const errors: Partial<Record<PayerField | 'bank', string>> = {};
    const name = payer.value.fullName.trim();
    if (!banks.value.some((b) => b.code === bankCode.value)) errors.bank = paymentTexts.payer.bank;
    if (name.length < 3 || name.length > 80 || /["|]/.test(name)) errors.fullName = paymentTexts.payer.fullName;
    if (!EMAIL.test(payer.value.email.trim()) || payer.value.email.trim().length > 120) errors.email = paymentTexts.payer.email;
    if (!/^\d{10}$/.test(payer.value.phone)) errors.phone = paymentTexts.payer.phone;
    payerErrors.value = errors;
    return Object.keys(errors).length === 0;
  }

  function startInput() {
    const kind = choice.value ?? 'balance';
    const pesos = amount.value ?? 0;
    return {
      obligationId: obligation.value?.id ?? '',
      amount: kind === 'other' ? { kind, pesos } : { kind },
      bankCode: bankCode.value,
      payer: { fullName: payer.value.fullName.trim(), email: payer.value.email.trim(), phone: payer.value.phone },
    } as const;
  }

  function refused(err: unknown): StartOutcome {
    const reason = reasonOf(err);
    if (reason === 'PAYMENT_PENDING') {
      blockedText.value = detailOf(err, 'text');
      return { kind: 'refused' };
    }
    if (reason === 'ALREADY_STARTED') {
      const reference = detailOf(err, 'reference');
      if (reference) return { kind: 'result', reference };
    }
    // The gateway refused this order for good: another try is another payment.
    if (reason === 'GATEWAY_REFUSED') sentWith.value = null;
    const fields = refusedFields(err);
    if (fields.length > 0 && !detailOf(err, 'text')) {
      const errors = { ...payerErrors.value };
      for (const path of fields) {
        const field = path.replace(/^payer\./, '') as PayerField;
        if (field === 'fullName' || field === 'email' || field === 'phone') errors[field] = paymentTexts.payer[field];
        if (path === 'bankCode') errors.bank = paymentTexts.payer.bank;
      }
      payerErrors.value = errors;
      startError.value = paymentTexts.payer.review;
    } else {
      startError.value = paymentErrorText(err);
    }
    return { kind: 'refused' };
  }

  /** *PAGAR*: registers the payment at the gateway (once, however often it is pressed). */
  async function start(): Promise<StartOutcome> {
    if (starting.value || leaving.value) return { kind: 'refused' };
    startError.value = null;
    if (!quote.value || confirmedAmount.value === null || blockedText.value) return { kind: 'refused' };
    if (!checkPayer()) {
      startError.value = paymentTexts.payer.review;
      return { kind: 'refused' };
    }
    const input = startInput();
    const signature = JSON.stringify(input);
    if (sentWith.value !== null && sentWith.value !== signature) requestId.value = newRequestId();
    sentWith.value = signature;
    starting.value = true;
    try {
      const started = await api.call('payments.start', { requestId: requestId.value, ...input });
      leaving.value = true;
      return { kind: 'bank', redirectUrl: started.redirectUrl };
    } catch (err) {
      return refused(err);
    } finally {
      starting.value = false;
    }
  }

  return {
    quote, loading, error, choice, otherDigits, amountError, confirmedAmount,
    banks, banksError, banksLoading, bankCode, payer, payerErrors,
    requestId, starting, startError, blockedText, leaving,
    obligation, options, isSlip, amount,
    open, choose, setOther, confirmAmount, loadBanks, setPayer, checkPayer, start,
  };
});
