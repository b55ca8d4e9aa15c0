/* eslint-disable vue/one-component-per-file -- the baseline is one file on purpose */
// The smallest honest Vue + Pinia + vue-router app: the yardstick for the renderer's bundle size.
import { createApp, defineComponent, h } from 'vue';
import { createPinia, defineStore } from 'pinia';
import { createRouter, createWebHashHistory, RouterView } from 'vue-router';

const useCounter = defineStore('counter', { state: () => ({ count: 0 }) });
const Home = defineComponent({
  setup() {
    const counter = useCounter();
    return () => h('button', { onClick: () => counter.count++ }, `count ${counter.count}`);
  },
});
const router = createRouter({ history: createWebHashHistory(), routes: [{ path: '/', component: Home }] });
createApp({ render: () => h(RouterView) })
  .use(createPinia())
  .use(router)
  .mount('#app');
