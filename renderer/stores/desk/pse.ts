import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiInput, ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { newRequestId } from '../../payments/request-id';
import { payerProblems, payerTexts } from '../../../main/domain/payer';
import { deskErrorText } from './errors';
import { useDeskCall } from './desk-call';

type Payer = ApiInput<'desk.pseStart'>['payer'];
type Amount = ApiInput<'desk.pseStart'>['amount'];
type Result = ApiOutput<'desk.pseResult'>;
type Bank = ApiOutput<'desk.pseBanks'>['banks'][number];
type PayerField = keyof Payer | 'bankCode';

const POLL_MS = 2_000;

/**
 * PSE on the person's behalf at the desk: the bank list, the payer as confirmed with the person, the bank's page
 * opened beside the desk, and the outcome asked until it is final. Online only: the core refuses it offline.
 */
export const usePseStore = defineStore('desk-pse', () => {
  const banks = ref<Bank[]>([]);
  const bankCode = ref('');
  const payer = ref<Payer>({ docType: 'CC', docNumber: '', personType: 'natural', fullName: '', email: '', phone: '' });
  const errors = ref<Partial<Record<PayerField, string>>>({});
  const { busy, error, attempt } = useDeskCall();
  const started = ref<{ paymentId: string; reference: string; redirectUrl: string } | null>(null);
  const result = ref<Result | null>(null);
  let requestId = newRequestId();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function load(owner: { by: 'cedula' | 'nit' | 'student'; id: string; name: string | null } | null): Promise<void> {
    stop();
    started.value = null;
    result.value = null;
    errors.value = {};
    error.value = null;
    requestId = newRequestId();
    if (owner && owner.by !== 'student') {
      const company = owner.by === 'nit';
      payer.value = {
        ...payer.value,
        docType: company ? 'NIT' : 'CC',
        personType: company ? 'juridica' : 'natural',
        docNumber: owner.id.replace(/-\d$/, ''),
        // Whom Buscar found, as the central API names them: the cashier confirms it with the person.
        fullName: owner.name ?? '',
      };
    }
    try {
      banks.value = (await api.call('desk.pseBanks', {})).banks;
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  function check(): boolean {
    const found: Partial<Record<PayerField, string>> = {};
    const p = payer.value;
    if (!bankCode.value) found.bankCode = payerTexts.bank;
    if (!/^\d{5,12}$/.test(p.docNumber)) found.docNumber = 'Escriba el número de documento del pagador (de 5 a 12 dígitos).';
    // The payer's rules and texts are the kiosk's (main/domain/payer.ts), held once.
    Object.assign(found, payerProblems({ fullName: p.fullName, email: p.email, phone: p.phone }));
    errors.value = found;
    return Object.keys(found).length === 0;
  }

  async function start(obligationId: string, amount: Amount): Promise<boolean> {
    if (!check()) {
      error.value = payerTexts.review;
      return false;
    }
    return attempt(async () => {
      const answer = await api.call('desk.pseStart', {
        requestId,
        obligationId,
        amount,
        bankCode: bankCode.value,
        payer: { ...payer.value, fullName: payer.value.fullName.trim() },
      });
      started.value = answer;
      void poll();
    });
  }

  async function poll(): Promise<void> {
    const paymentId = started.value?.paymentId;
    if (!paymentId) return;
    try {
      result.value = await api.call('desk.pseResult', { paymentId });
    } catch {
      // Asked again on the next tick: the answer is not lost, only late.
    }
    const outcome = result.value?.outcome;
    if (!outcome || outcome === 'inProgress' || outcome === 'pending') timer = setTimeout(() => void poll(), POLL_MS);
  }

  function stop(): void {
    clearTimeout(timer);
    timer = undefined;
  }

  return { banks, bankCode, payer, errors, error, busy, started, result, load, check, start, stop };
});
