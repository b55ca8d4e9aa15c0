import { ZodError } from 'zod';

/**
 * Building the document of an approved payment (the PSE voucher, the desk's receipt) without ever failing the
 * approval. The rule: **recording an approval can never fail on how something is displayed or printed.** The
 * state, the balance and the outbox item commit whatever the document does; a document that cannot be built
 * becomes a printing problem that the status screen shows (`PrintService.recordUnbuilt`: a failed print job
 * with reason `invalid-document`), never a lost payment.
 *
 * The builders are already total for every value the central API's and the gateway's contracts allow (the
 * document schemas make texts one field and cut them with `…`); what can still throw here is a bug of ours
 * (a field we produce ourselves that breaks its own schema). So this is the last guard, not the first.
 *
 * Use, inside the approval's transaction:
 *
 *     const built = buildApprovalDocument(() => buildVoucherDocument({ … }));
 *     if ('document' in built) store and queue built.document;
 *     else record built.problem (print.recordUnbuilt) and log it — and go on recording the approval.
 */
export type ApprovalDocument<D> = { document: D } | { problem: string };

/** The builder's result, or why it failed, in English and without any value of the document (no personal data). */
export function buildApprovalDocument<D>(build: () => D): ApprovalDocument<D> {
  try {
    return { document: build() };
  } catch (error) {
    return { problem: describeProblem(error) };
  }
}

/** `document does not match its schema: concept (too_big), dateTime (invalid_format)` — paths and codes only. */
export function describeProblem(error: unknown): string {
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(document)'} (${issue.code})`);
    return `document does not match its schema: ${issues.join(', ')}`;
  }
  // A message may quote the value that broke it; the error's class says enough for the log and the screen.
  return `document could not be built: ${error instanceof Error ? error.name : typeof error}`;
}
