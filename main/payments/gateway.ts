import type { Pesos } from '../domain/money';

/**
 * What the payment service needs from a PSE gateway. `credibanco/` implements it over HTTP; the simulator
 * (`sim/gateway/`) speaks the same HTTP, so the service never knows which one answers.
 */
export type PersonType = 'natural' | 'juridica';
export type PseDocType = 'CC' | 'CE' | 'TI' | 'PP' | 'NIT';
export type AchStatus = 'OK' | 'NOT_AUTHORIZED' | 'PENDING' | 'FAILED';

export interface PsePayer {
  docType: PseDocType;
  docNumber: string;
  personType: PersonType;
  fullName: string;
  email: string;
  phone: string;
}

export interface RegisterOrder {
  /** Our reference; unique per merchant at the gateway. */
  orderNumber: string;
  amount: Pesos;
  description: string;
  returnUrl: string;
  failUrl: string;
  bankCode: string;
  payer: PsePayer;
}

export interface RegisteredOrder {
  orderId: string;
  formUrl: string;
}

export interface OrderStatus {
  found: true;
  orderId: string;
  orderNumber: string;
  /** Credibanco: 0 registered and unpaid, 2 approved, 6 rejected or failed, 7 pending (PSE). */
  orderStatus: number;
  actionCode: number | null;
  actionCodeDescription: string | null;
  amount: Pesos;
  currency: string;
  date: Date | null;
  ip: string | null;
  terminalId: string | null;
  authRefNum: string | null;
  authDateTime: Date | null;
  approvalCode: string | null;
  paymentWay: string | null;
  pse: { cus: string | null; bankCode: string | null } | null;
}
export type OrderLookup = OrderStatus | { found: false };

export interface PseStatus {
  cus: string | null;
  bankCode: string | null;
  bankName: string | null;
  transactionStatus: AchStatus | null;
  ticketId: string | null;
}

export interface Bank {
  code: string;
  name: string;
}

export interface Gateway {
  /** Never retried blindly: an `unavailable` or `malformed` error means the outcome is unknown. */
  register(order: RegisterOrder): Promise<RegisteredOrder>;
  orderStatus(ref: { orderId: string } | { orderNumber: string }): Promise<OrderLookup>;
  pseStatus(orderId: string): Promise<PseStatus>;
  banks(): Promise<Bank[]>;
}

/**
 * - `unavailable`: no answer (network, timeout, 5xx): the outcome is unknown.
 * - `malformed`: an answer that failed its schema: the outcome is unknown too.
 * - `refused`: the gateway answered with an error code: nothing happened there.
 */
export type GatewayErrorKind = 'unavailable' | 'malformed' | 'refused';

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    readonly operation: 'register' | 'orderStatus' | 'pseStatus' | 'banks',
    message: string,
    readonly gatewayCode?: string,
  ) {
    super(`${operation}: ${message}`);
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}
