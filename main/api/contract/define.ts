import type { z } from 'zod';

/**
 * Who may call a method: anyone at the terminal's screen, a signed-in person (afiliado or empresa),
 * a signed-in operator at a desk, or a supervisor (or a cashier holding a supervisor's one-call authorisation).
 * The dispatcher enforces it before the handler runs.
 */
export type Access = 'public' | 'person' | 'operator' | 'supervisor';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
