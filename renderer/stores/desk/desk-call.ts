import { ref } from 'vue';
import { deskErrorText } from './errors';

/**
 * A desk store's call as the cashier sees it: `busy` while it is out (its button disabled, so a double click
 * sends nothing twice), the error cleared once it answers and worded in Spanish when it is refused. `attempt`
 * resolves whether the call succeeded; `onRefused` runs after the refusal is shown (to reload what it changed).
 */
export function useDeskCall() {
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function attempt(action: () => Promise<unknown>, onRefused?: (err: unknown) => Promise<void> | void): Promise<boolean> {
    busy.value = true;
    try {
      await action();
      error.value = null;
      return true;
    } catch (err) {
      error.value = deskErrorText(err);
      await onRefused?.(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, attempt };
}
