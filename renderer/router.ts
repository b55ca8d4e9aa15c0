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
    // The desk: one frame (menu, shift strip) around its screens once an operator is in; `caja` is the Turno screen
    // an operator lands on, `caja-ingreso` (the frame's empty path) the sign-in, shown without the menu.
    {
      path: '/caja',
      component: () => import('./views/desk/DeskFrame.vue'),
      children: [
        {
          path: '',
          name: 'caja-ingreso',
          component: () => import('./views/OperatorSignInView.vue'),
          meta: { title: 'Ingreso de operador' },
        },
        { path: 'inicio', name: 'caja', component: () => import('./views/desk/TurnoView.vue'), meta: { title: 'Caja', operator: true } },
        {
          path: 'buscar',
          name: 'caja-buscar',
          component: () => import('./views/desk/BuscarView.vue'),
          meta: { title: 'Buscar', operator: true },
        },
        {
          path: 'cobrar/:obligationId',
          name: 'caja-cobrar',
          component: () => import('./views/desk/CobrarView.vue'),
          props: true,
          meta: { title: 'Cobrar', operator: true },
        },
        {
          path: 'pse/:obligationId',
          name: 'caja-pse',
          component: () => import('./views/desk/PseView.vue'),
          props: true,
          meta: { title: 'Pago por PSE', operator: true },
        },
        {
          path: 'recibos',
          name: 'caja-recibos',
          component: () => import('./views/desk/RecibosView.vue'),
          meta: { title: 'Recibos', operator: true },
        },
        {
          path: 'recibos/:paymentId',
          name: 'caja-recibo',
          component: () => import('./views/desk/ReciboView.vue'),
          props: true,
          meta: { title: 'Recibo de caja', operator: true },
        },
        {
          path: 'cierre',
          name: 'caja-cierre',
          component: () => import('./views/desk/CierreView.vue'),
          meta: { title: 'Cierre de caja', operator: true },
        },
        {
          path: 'conflictos',
          name: 'caja-conflictos',
          component: () => import('./views/desk/ConflictosView.vue'),
          meta: { title: 'Conflictos', operator: true },
        },
        {
          path: 'historial',
          name: 'caja-historial',
          component: () => import('./views/TerminalHistorialView.vue'),
          meta: { title: 'Historial del terminal', operator: true },
        },
        {
          path: 'historial/:paymentId',
          name: 'caja-voucher',
          component: () => import('./views/TerminalVoucherView.vue'),
          meta: { title: 'Comprobante', operator: true },
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
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

let sessionsKnown = false;

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
