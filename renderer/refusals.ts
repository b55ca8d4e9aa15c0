import type { Audience, SignInMessage } from './ingreso-texts';
import { messageFor } from './messages';

/**
 * Refusals of sign-in in Spanish. Their texts (auth-messages.ts) load on the first refusal, not with Ingreso's
 * first paint; if even that load fails (the host gone), the error code's general text is shown.
 */
export async function signInRefusal(error: unknown, audience: Audience): Promise<SignInMessage> {
  try {
    return (await import('./auth-messages')).signInMessage(error, audience);
  } catch {
    return { text: messageFor(error), note: false };
  }
}

/** A refusal of an operator's sign-in or a supervisor's authorisation, the same way. */
export async function operatorRefusal(error: unknown): Promise<string> {
  try {
    return (await import('./auth-messages')).operatorMessage(error);
  } catch {
    return messageFor(error);
  }
}
