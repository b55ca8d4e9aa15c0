import { createRouter, createWebHashHistory } from 'vue-router';
import IngresoView from './views/IngresoView.vue';

// Hash history: the same URLs work under app:// in Electron and over HTTP in the browser host.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'ingreso', component: IngresoView, meta: { title: 'Ingreso' } },
    { path: '/estado', name: 'estado', component: () => import('./views/StatusView.vue'), meta: { title: 'Estado del terminal' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? 'Pagos Express')} · Pagos Express`;
});
