import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { ApiInput, ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { technicianMessage } from '../enrolment/texts';

type EnrolmentInput = ApiInput<'enrolment.submit'>;

/** The técnico's enrolment form of a terminal with no terminal file, and its outcome. */
export const useEnrolmentStore = defineStore('enrolment', () => {
  const required = ref<boolean | null>(null);
  const form = reactive<EnrolmentInput>({
    enrolmentCode: '',
    siteId: '',
    terminalId: '',
    role: 'kiosk',
    centralUrl: 'https://',
    printer: { interface: '', type: 'epson', width: 48 },
  });
  const busy = ref(false);
  const error = ref<string | null>(null);
  const enrolled = ref<ApiOutput<'enrolment.submit'> | null>(null);

  async function refresh(): Promise<void> {
    try {
      required.value = (await api.call('enrolment.status', {})).required;
    } catch (err) {
      error.value = technicianMessage(err);
    }
  }

  async function submit(): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      enrolled.value = await api.call('enrolment.submit', { ...form, printer: { ...form.printer } });
    } catch (err) {
      error.value = technicianMessage(err);
    } finally {
      busy.value = false;
    }
  }

  return { required, form, busy, error, enrolled, refresh, submit };
});
