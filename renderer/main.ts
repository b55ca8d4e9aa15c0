import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { resettableStores } from './stores/reset';
import { startSessionLifecycle } from './session-lifecycle';
import './styles/main.css';
import './styles/print.css';

const pinia = createPinia();
pinia.use(resettableStores);
createApp(App).use(pinia).use(router).mount('#app');
startSessionLifecycle(pinia, router);
