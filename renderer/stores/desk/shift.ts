import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { newRequestId } from '../../payments/request-id';
import { pesosFromDigits } from '../../format';
import { deskErrorText } from './errors';
import { deskTexts } from './texts';
import { useDeskCall } from './desk-call';

type Shift = NonNullable<ApiOutput<'desk.currentShift'>['shift']>;

/** The terminal's open shift (*turno*): opening it with its float, and its running totals for the strip. */
export const useShiftStore = defineStore('desk-shift', () => {
  const current = ref<Shift | null>(null);
  const loaded = ref(false);
  const floatDigits = ref('');
  const { busy, error, attempt } = useDeskCall();
  // One request id per Abrir turno screen: a double click opens one shift.
  let openRequest = newRequestId();

  async function refresh(): Promise<void> {
    try {
      current.value = (await api.call('desk.currentShift', {})).shift;
      loaded.value = true;
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  async function open(): Promise<boolean> {
    const openingFloat = pesosFromDigits(floatDigits.value);
    if (openingFloat === null) {
      error.value = deskTexts.shift.floatMissing;
      return false;
    }
    return attempt(async () => {
      current.value = await api.call('desk.openShift', { requestId: openRequest, openingFloat });
      floatDigits.value = '';
      openRequest = newRequestId();
    }, refresh);
  }

  return { current, loaded, floatDigits, error, busy, refresh, open };
});
