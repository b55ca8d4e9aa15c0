import { randomUUID } from 'node:crypto';

/**
 * The simulated gateway's memory: orders, the payer's decisions at the bank, injected faults and a clock that
 * tests can move forward. Credibanco codes: 0 registered, 2 approved, 6 rejected or failed, 7 pending.
 */
export type SimOrderStatus = 'registered' | 'approved' | 'rejected' | 'failed' | 'pending';

export interface SimOrder {
  orderId: string;
  orderNumber: string;
  amountMinor: number;
  description: string;
  returnUrl: string;
  failUrl: string;
  email: string;
  /** The payer's name as register.do received it (`pse.fullName` in jsonParams). */
  fullName: string;
  bankCode: string;
  userType: string;
  docType: string;
  docNumber: string;
  createdAt: number;
  status: SimOrderStatus;
  /** Assigned when the payer reaches the bank's page (ACH creates the transaction there). */
  cus: string | null;
  decidedAt: number | null;
  ip: string | null;
  authRefNum: string | null;
  /** Fields a test set through `PUT /sim/gateway/orders/{orderId}/answer`: they replace the simulator's own. */
  answer?: AnswerOverrides;
}

/** What a test may make the gateway answer about an order: anything Credibanco's answers allow. */
export interface AnswerOverrides {
  actionCode?: number | null;
  actionCodeDescription?: string | null;
  ip?: string | null;
  authRefNum?: string | null;
  date?: number | null;
  authDateTime?: number | null;
  approvalCode?: string | null;
  cus?: string | null;
  bankName?: string | null;
  ticketId?: string | null;
}

export type SimOperation = 'register' | 'orderStatus' | 'pseStatus' | 'banks' | 'bankPage';
export type FaultMode = 'down' | 'latency' | 'http500' | 'malformed' | 'truncated';

export interface Fault {
  operations: SimOperation[];
  mode: FaultMode;
  /** `before`: nothing is processed; `after`: the request takes effect, then the answer is lost or garbled. */
  phase: 'before' | 'after';
  latencyMs: number;
  /** How many requests it hits; null = until cleared. */
  remaining: number | null;
}

export interface SentCallback {
  url: string;
  at: number;
  delivered: boolean;
}

export const PAYMENT_WINDOW_MS = 20 * 60_000;

export const simBanks = [
  { financialInstitutionCode: '0', financialInstitutionName: 'A continuación seleccione su banco' },
  { financialInstitutionCode: '1007', financialInstitutionName: 'BANCOLOMBIA' },
  { financialInstitutionCode: '1051', financialInstitutionName: 'BANCO DAVIVIENDA' },
  { financialInstitutionCode: '1001', financialInstitutionName: 'BANCO DE BOGOTA' },
  { financialInstitutionCode: '1023', financialInstitutionName: 'BANCO DE OCCIDENTE' },
  { financialInstitutionCode: '1013', financialInstitutionName: 'BANCO BBVA COLOMBIA S.A.' },
  { financialInstitutionCode: '1507', financialInstitutionName: 'NEQUI' },
  { financialInstitutionCode: '1022', financialInstitutionName: 'BANCO UNION COLOMBIANO' },
];

export function createGatewayState(credentials: { userName: string; password: string }, clock: () => number = Date.now) {
  const orders = new Map<string, SimOrder>();
  const byNumber = new Map<string, string>();
  let faults: Fault[] = [];
  let offsetMs = 0;
  let callbacksEnabled = true;
  const callbacks: SentCallback[] = [];
  let sequence = 80;

  return {
    credentials,
    now: () => clock() + offsetMs,
    advance(ms: number): void {
      offsetMs += ms;
    },
    get callbacksEnabled() {
      return callbacksEnabled;
    },
    setCallbacks(enabled: boolean): void {
      callbacksEnabled = enabled;
    },
    callbacks,

    addOrder(input: Omit<SimOrder, 'orderId' | 'createdAt' | 'status' | 'cus' | 'decidedAt' | 'ip' | 'authRefNum'>): SimOrder {
      const order: SimOrder = {
        ...input,
        orderId: randomUUID(),
        createdAt: clock() + offsetMs,
        status: 'registered',
        cus: null,
        decidedAt: null,
        ip: null,
        authRefNum: null,
      };
      orders.set(order.orderId, order);
      byNumber.set(order.orderNumber, order.orderId);
      return order;
    },
    hasNumber: (orderNumber: string) => byNumber.has(orderNumber),

    /** Reading an order ages it: unpaid after the 20-minute window, it fails (declined by timeout). */
    order(ref: { orderId?: string; orderNumber?: string }): SimOrder | undefined {
      const id = ref.orderId ?? (ref.orderNumber !== undefined ? byNumber.get(ref.orderNumber) : undefined);
      const order = id === undefined ? undefined : orders.get(id);
      if (order && order.status === 'registered' && clock() + offsetMs - order.createdAt > PAYMENT_WINDOW_MS) {
        order.status = 'failed';
        order.decidedAt = clock() + offsetMs;
      }
      return order;
    },
    list: () => [...orders.values()],

    /** The payer reached the bank: ACH now knows the transaction and its CUS. */
    reachBank(order: SimOrder, ip: string): void {
      if (order.cus === null) order.cus = String(Math.floor(100_000_000 + Math.random() * 899_999_999));
      order.ip = ip;
    },
    decide(order: SimOrder, status: Exclude<SimOrderStatus, 'registered'>): boolean {
      const open = order.status === 'registered' || order.status === 'pending';
      if (!open || order.status === status) return false;
      order.status = status;
      order.decidedAt = clock() + offsetMs;
      if (order.cus === null) order.cus = String(Math.floor(100_000_000 + Math.random() * 899_999_999));
      if (status === 'approved') order.authRefNum = String(++sequence);
      return true;
    },

    setFault(fault: Fault): void {
      faults.push(fault);
    },
    clearFaults(): void {
      faults = [];
    },
    /** The first fault that applies to this operation, consuming one of its hits. */
    takeFault(operation: SimOperation): Fault | undefined {
      const fault = faults.find((f) => f.operations.includes(operation) && (f.remaining === null || f.remaining > 0));
      if (fault && fault.remaining !== null) fault.remaining -= 1;
      return fault;
    },
    reset(): void {
      orders.clear();
      byNumber.clear();
      faults = [];
      offsetMs = 0;
      callbacksEnabled = true;
      callbacks.length = 0;
    },
  };
}
export type GatewayState = ReturnType<typeof createGatewayState>;
