import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { normalizePayer, payerProblems, payerTexts, type PayerData, type PayerField } from '../../main/domain/payer';
import { api } from '../api';
import { detailOf, paymentErrorText, reasonOf, refusedFields } from '../payments/texts';
import { usePaymentStore } from './payment';

type Bank = ApiOutput<'payments.banks'>['banks'][number];
type QuotePayer = ApiOutput<'payments.quote'>['payer'];
export type { PayerField };
type FieldErrors = Partial<Record<PayerField | 'bank', string>>;

/** What `payments.start` answered: go to the bank, or show the result of a payment that already exists. */
export type StartOutcome = { kind: 'bank'; redirectUrl: string } | { kind: 'result'; reference: string } | { kind: 'refused' };

const EMPTY: PayerData = { fullName: '', email: '', phone: '' };

/**
 * The PSE step: the bank and the payer (prefilled from the session: name, e-mail and the phone the sign-in code
 * went to), then `payments.start`. A field is marked only after a first *PAGAR* and unmarked as soon as it is
 * right again (errors are computed from what the fields hold, with the rules of main/domain/payer.ts, plus what
 * the core refused until that field changes). The amount step is `stores/payment.ts`.
 */
export const usePayerStore = defineStore('payer', () => {
  const banks = ref<Bank[]>([]);
  const banksError = ref<string | null>(null);
  const banksLoading = ref(false);
  const bankCode = ref('');
  const payer = ref<PayerData>({ ...EMPTY });
  /** The phone as the session gave it: shown masked until the person edits it. */
  const sessionPhone = ref('');
  const attempted = ref(false);
  const refused = ref<FieldErrors>({});
  /** What the request id was last sent with: a different payment needs a new id. */
  const sentWith = ref<string | null>(null);
  const starting = ref(false);
  const startError = ref<string | null>(null);
  const leaving = ref(false);

  const errors = computed<FieldErrors>(() => {
    if (!attempted.value) return {};
    const found: FieldErrors = { ...payerProblems(payer.value), ...refused.value };
    if (!banks.value.some((b) => b.code === bankCode.value)) found.bank = payerTexts.bank;
    return found;
  });
  const needsReview = computed(() => Object.keys(errors.value).length > 0);
  const phoneFromSession = computed(() => sessionPhone.value !== '' && payer.value.phone === sessionPhone.value);

  /** A new payment: nothing attempted yet; the payer stays as the person left it (or as the session gives it). */
  function restart(): void {
    bankCode.value = '';
    attempted.value = false;
    refused.value = {};
    sentWith.value = null;
    startError.value = null;
    leaving.value = false;
  }

  function prefill(from: QuotePayer): void {
    const current = payer.value;
    if (current.fullName || current.email || current.phone) return;
    payer.value = { fullName: from.fullName, email: from.email, phone: from.phone };
    sessionPhone.value = from.phone;
  }

  function forget(field: PayerField | 'bank'): void {
    const rest = { ...refused.value };
    delete rest[field];
    refused.value = rest;
  }

  function setBank(code: string): void {
    bankCode.value = code;
    forget('bank');
  }

  function setPayer(field: PayerField, value: string): void {
    payer.value = { ...payer.value, [field]: field === 'phone' ? value.replace(/\D/g, '').slice(0, 10) : value };
    forget(field);
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

  function refusal(err: unknown): StartOutcome {
    const amount = usePaymentStore();
    const reason = reasonOf(err);
    if (reason === 'PAYMENT_PENDING') {
      amount.blockedText = detailOf(err, 'text');
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
      const marked: FieldErrors = { ...refused.value };
      for (const path of fields) {
        const field = path.replace(/^payer\./, '');
        if (field === 'fullName' || field === 'email' || field === 'phone') marked[field] = payerTexts[field];
        if (path === 'bankCode') marked.bank = payerTexts.bank;
      }
      refused.value = marked;
    } else {
      startError.value = paymentErrorText(err);
    }
    return { kind: 'refused' };
  }

  /** *PAGAR*: registers the payment at the gateway (once, however often it is pressed). */
  async function start(): Promise<StartOutcome> {
    const amount = usePaymentStore();
    if (starting.value || leaving.value) return { kind: 'refused' };
    startError.value = null;
    if (!amount.quote || amount.confirmedAmount === null || amount.blockedText) return { kind: 'refused' };
    attempted.value = true;
    if (needsReview.value) return { kind: 'refused' };
    const input = {
      obligationId: amount.quote.obligation.id,
      amount: amount.amountInput(),
      bankCode: bankCode.value,
      payer: normalizePayer(payer.value),
    };
    const signature = JSON.stringify(input);
    if (sentWith.value !== null && sentWith.value !== signature) amount.renewRequestId();
    sentWith.value = signature;
    starting.value = true;
    try {
      const started = await api.call('payments.start', { requestId: amount.requestId, ...input });
      leaving.value = true;
      return { kind: 'bank', redirectUrl: started.redirectUrl };
    } catch (err) {
      return refusal(err);
    } finally {
      starting.value = false;
    }
  }

  return {
    banks,
    banksError,
    banksLoading,
    bankCode,
    payer,
    attempted,
    starting,
    startError,
    leaving,
    errors,
    needsReview,
    phoneFromSession,
    restart,
    prefill,
    setBank,
    setPayer,
    loadBanks,
    start,
  };
});
