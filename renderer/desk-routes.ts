import type { RouteRecordRaw } from 'vue-router';

/**
 * The desk: one frame (menu, shift strip) around its screens once an operator is in; `caja` is the Turno screen
 * an operator lands on, `caja-ingreso` (the frame's empty path) the sign-in, shown without the menu. Added to the
 * router (router.ts) only on a desk or when someone goes to /caja, so a kiosk's Ingreso paints without this table.
 */
export const deskRoute: RouteRecordRaw = {
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
};
