import { createRouter, createWebHashHistory } from 'vue-router';
import IngresoView from './views/IngresoView.vue';
import { useSessionStore } from './stores/session';
import { useOperatorStore } from './stores/operator';
import { useTerminalStore } from './stores/terminal';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Only with a person signed in (afiliado or empresa). */
    person?: boolean;
    /** Only with an operator signed in and the desk unlocked. */
    operator?: boolean;
  }
}

// Hash history: the same URLs work under app:// in Electron and over HTTP in the browser host.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'ingreso', component: IngresoView, meta: { title: 'Ingreso' } },
    {
      path: '/menu',
      component: () => import('./views/MenuView.vue'),
      meta: { person: true },
      children: [
        { path: '', name: 'inicio', component: () => import('./views/InicioView.vue'), meta: { title: 'Inicio', person: true } },
        {
          path: 'creditos',
          name: 'creditos',
          component: () => import('./views/CreditosView.vue'),
          meta: { title: 'Créditos', person: true },
        },
        { path: 'jardin', name: 'jardin', component: () => import('./views/JardinView.vue'), meta: { title: 'Jardín', person: true } },
        {
          path: 'historial',
          name: 'historial',
          component: () => import('./views/HistorialView.vue'),
          meta: { title: 'Historial', person: true },
        },
      ],
    },
    // The payment screens, in the same menu frame. The bank sends the browser back to the host's /pse/retorno,
    // which redirects to /#/pago/resultado/<reference> (without a reference when the order is unknown).
    {
      path: '/pago',
      component: () => import('./views/MenuView.vue'),
      meta: { person: true },
      children: [
        {
          path: 'monto/:obligationId',
          name: 'pago-monto',
          component: () => import('./views/MontoView.vue'),
          meta: { title: 'Monto a Pagar', person: true },
        },
        {
          path: 'pse',
          name: 'pago-pse',
          component: () => import('./views/PsePagoView.vue'),
          meta: { title: 'Pago por PSE', person: true },
        },
        {
          path: 'resultado/:reference?',
          name: 'pago-resultado',
          component: () => import('./views/ResultadoView.vue'),
          meta: { title: 'Resultado de la transacción', person: true },
        },
        {
          path: 'voucher/:paymentId',
          name: 'pago-voucher',
          component: () => import('./views/VoucherView.vue'),
          meta: { title: 'Comprobante', person: true },
        },
      ],
    },
    {
      path: '/enrolamiento',
      name: 'enrolamiento',
      component: () => import('./views/EnrolmentView.vue'),
      meta: { title: 'Enrolamiento del terminal' },
    },
    { path: '/estado', name: 'estado', component: () => import('./views/StatusView.vue'), meta: { title: 'Estado del terminal' } },
    // Anything else, the desk's screens before their table is loaded among them: the guard below decides.
    { path: '/:pathMatch(.*)*', name: 'otra', component: IngresoView },
  ],
});

let sessionsKnown = false;

/**
 * The desk's route table (desk-routes.ts) is not loaded with Ingreso: it is added on a desk, or the first time an
 * address under /caja is asked for. Until then a desk route is known by its path only (no `name: 'caja…'` outside
 * the desk's own screens); the guard adds the table and resolves the address again.
 */
let deskRoutes: Promise<void> | undefined;
function ensureDeskRoutes(): Promise<void> {
  deskRoutes ??= import('./desk-routes').then(
    ({ deskRoute }) => void router.addRoute(deskRoute),
    (error: unknown) => {
      deskRoutes = undefined;
      throw error;
    },
  );
  return deskRoutes;
}

/**
 * A payer back from the bank after the session ended (a long time at the bank's page): after signing in again,
 * the result of that payment is shown first. Kept only by this page load, and only for the gateway's 20 minutes.
 */
const RESULT_KEPT_MS = 20 * 60_000;
let resultAfterSignIn: { path: string; until: number } | null = null;

/** The screens follow the sessions in the core: no person screen without a person, no desk without an operator. */
router.beforeEach(async (to) => {
  const terminal = useTerminalStore();
  const session = useSessionStore();
  const operator = useOperatorStore();
  if (!terminal.status) await terminal.refresh();
  if (!sessionsKnown) {
    await Promise.all([session.refresh(), operator.refresh()]).catch(() => undefined);
    sessionsKnown = true;
  }
  const desk = terminal.status?.role === 'desk';
  if (to.name === 'otra') {
    if (router.hasRoute('caja') || !/^\/caja(\/|$)/.test(to.path)) return '/';
    await ensureDeskRoutes();
    return to.fullPath;
  }
  if (desk) await ensureDeskRoutes();
  const operatorActive = operator.operator !== null && !operator.locked;
  if (to.name === 'ingreso') {
    if (desk) return operatorActive ? { name: 'caja' } : { name: 'caja-ingreso' };
    if (session.person) return { name: 'inicio' };
  }
  if (to.meta.person && !session.person) {
    if (to.name === 'pago-resultado' && to.params.reference) resultAfterSignIn = { path: to.fullPath, until: Date.now() + RESULT_KEPT_MS };
    return { name: 'ingreso' };
  }
  if (to.name === 'inicio' && resultAfterSignIn) {
    const kept = resultAfterSignIn;
    resultAfterSignIn = null;
    if (kept.until > Date.now()) return kept.path;
  }
  if (to.name === 'caja-ingreso' && operatorActive) return { name: 'caja' };
  if (to.meta.operator && !operatorActive) return { name: 'caja-ingreso' };
  return true;
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? 'Pagos Express')} · Pagos Express`;
});
