import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { obligationTexts } from '../payments/obligation-texts';
import { paymentErrorText } from '../payments/texts';

type Answer = ApiOutput<'obligations.mine'>;

/**
 * CRÉDITOS (the signed-in afiliado's or empresa's credits) and JARDÍN (the enrollment slips of a student id).
 * Each answer says whether it is live or the terminal's local copy, and how old it is.
 */
export const useObligationsStore = defineStore('obligations', () => {
  const credits = ref<Answer | null>(null);
  const creditsError = ref<string | null>(null);
  const creditsLoading = ref(false);

  const studentId = ref('');
  const slips = ref<Answer | null>(null);
  const slipsError = ref<string | null>(null);
  const slipsLoading = ref(false);
  /** The student id of the answer shown (the field may have changed since). */
  const searchedFor = ref<string | null>(null);

  async function loadCredits(): Promise<void> {
    creditsLoading.value = true;
    try {
      const answer = await api.call('obligations.mine', {});
      credits.value = { ...answer, obligations: answer.obligations.filter((o) => o.kind === 'credit') };
      creditsError.value = null;
    } catch (err) {
      creditsError.value = paymentErrorText(err);
    } finally {
      creditsLoading.value = false;
    }
  }

  function setStudentId(text: string): void {
    studentId.value = text.replace(/\D/g, '').slice(0, 12);
    slipsError.value = null;
  }

  async function searchSlips(): Promise<void> {
    const id = studentId.value;
    if (!/^\d{4,12}$/.test(id)) {
      slipsError.value = obligationTexts.studentIdFormat;
      return;
    }
    slipsLoading.value = true;
    try {
      const answer = await api.call('obligations.ofStudent', { studentId: id });
      slips.value = { ...answer, obligations: answer.obligations.filter((o) => o.kind === 'enrollmentSlip') };
      searchedFor.value = id;
      slipsError.value = null;
    } catch (err) {
      slips.value = null;
      searchedFor.value = null;
      slipsError.value = paymentErrorText(err);
    } finally {
      slipsLoading.value = false;
    }
  }

  return {
    credits,
    creditsError,
    creditsLoading,
    studentId,
    slips,
    slipsError,
    slipsLoading,
    searchedFor,
    loadCredits,
    setStudentId,
    searchSlips,
  };
});
