import { shallowRef, watch, type Component, type ShallowRef, type WatchSource } from 'vue';

/**
 * A component loaded the first time `when` is true, instead of with the first screen: what Ingreso does not
 * show before someone uses it stays out of the JavaScript it needs to paint (renderer_first_paint_js_gzip_bytes).
 * A plain import() into a ref rather than defineAsyncComponent, whose own machinery would go into Vue's chunk,
 * which the first screen loads. A failed load (the host gone) is tried again the next time `when` turns true.
 */
export function useLazyComponent(load: () => Promise<{ default: Component }>, when: WatchSource<boolean>): ShallowRef<Component | null> {
  const component: ShallowRef<Component | null> = shallowRef(null);
  let loading = false;
  watch(
    when,
    (now) => {
      if (!now || component.value || loading) return;
      loading = true;
      void load()
        .then((loaded) => {
          component.value = loaded.default;
        })
        .catch(() => undefined)
        .finally(() => (loading = false));
    },
    { immediate: true },
  );
  return component;
}
