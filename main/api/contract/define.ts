import type { z } from 'zod';

/**
 * Who may call a method: anyone at the terminal's screen, a signed-in person (afiliado or empresa),
 * or a signed-in operator at a desk. The dispatcher enforces it before the handler runs.
 */
export type Access = 'public' | 'person' | 'operator';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
