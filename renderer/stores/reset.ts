import { getStores, type Pinia, type PiniaPluginContext } from 'pinia';

/**
 * Ending a session must leave nothing of the person in memory: every Pinia store — including stores other
 * features register later — goes back to the state it was created with. The plugin remembers each store's
 * initial state (stores hold plain JSON data only) and gives setup stores the `$reset` they lack.
 */
export function resettableStores({ store, options }: PiniaPluginContext): void {
  // Options stores have a real $reset already.
  if (typeof options.state === 'function') return;
  const initial = JSON.stringify(store.$state);
  store.$reset = () => {
    store.$patch((state) => {
      Object.assign(state, JSON.parse(initial) as Record<string, unknown>);
    });
  };
}

export function resetAllStores(pinia: Pinia): void {
  for (const store of getStores(pinia)) store.$reset();
}
