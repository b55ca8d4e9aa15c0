import type { z } from 'zod';

/**
 * Who may call a method. The dispatcher enforces it (through the session guard) before the input is even
 * parsed, so a caller who may not call a method learns nothing about its inputs; handlers never check roles.
 *
 * - `public`: anyone at the terminal's screen, signed in or not.
 * - `person`: a signed-in person (afiliado or empresa). What the person may see of it (their own payments,
 *   vouchers, print jobs) is the handler's ownership rule, which answers NOT_FOUND for anyone else's id.
 * - `operator`: a signed-in operator (cashier or supervisor) whose desk is not locked.
 * - `supervisor`: a signed-in, unlocked supervisor; or a signed-in, unlocked cashier holding a supervisor's
 *   authorisation (*autorización de supervisor*, `auth.authorizeSupervisor`) for exactly this method, which the
 *   call consumes: one authorisation, one call.
 */
export type Access = 'public' | 'person' | 'operator' | 'supervisor';

/** The levels that need someone signed in: the ones a method may combine. */
export type SignedInAccess = Exclude<Access, 'public'>;

/**
 * A method's access: one level, or several signed-in levels of which any one admits the caller (e.g.
 * `['person', 'operator']`: the jardín lookup is for the signed-in person at a kiosk and for a cashier at a
 * desk). `public` never appears in a list: it would admit everyone and make the others meaningless.
 */
export type AccessRule = Access | readonly [SignedInAccess, SignedInAccess, ...SignedInAccess[]];

export function accessLevels(rule: AccessRule): readonly Access[] {
  return typeof rule === 'string' ? [rule] : rule;
}

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: AccessRule;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
