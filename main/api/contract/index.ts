import type { z } from 'zod';
import { terminalMethods } from './terminal';
import { dataMethods } from './data';
import { authMethods } from './auth';
import { paymentsMethods } from './payments';
import { printingMethods } from './printing';
import { deskMethods } from './desk';
import { enrolmentMethods } from './enrolment';
import { diagnosticsMethods } from './diagnostics';

/**
 * KioskApi: every call a screen can make, declared once. Each capability adds its own file beside this one;
 * the dispatcher, both transports and the renderer's client are derived from this object.
 */
export const contract = {
  ...terminalMethods,
  ...dataMethods,
  ...authMethods,
  ...paymentsMethods,
  ...printingMethods,
  ...deskMethods,
  ...enrolmentMethods,
  ...diagnosticsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ApiInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** What the core implements: one function per method, given parsed input and the caller's context. */
export type KioskApiHandlers<Ctx> = {
  [M in MethodName]: (input: ApiParsedInput<M>, ctx: Ctx) => Promise<z.input<Contract[M]['output']>>;
};

/** The typed surface the renderer calls, whatever carries it. */
export interface KioskApi {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
