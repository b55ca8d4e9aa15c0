import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { resettableStores } from './stores/reset';
import './styles/main.css';
import './styles/print.css';

const pinia = createPinia();
pinia.use(resettableStores);
createApp(App).use(pinia).use(router).mount('#app');
// Loaded after the first screen's code: nothing in it acts before a session exists (first-paint JS).
void import('./session-lifecycle').then(({ startSessionLifecycle }) => startSessionLifecycle(pinia, router));
