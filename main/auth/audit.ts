import type { AuditRepo } from '../db/terminal-repo';
import type { Clock } from '../runtime/clock';
import { maskTail } from '../domain/identifiers';

/**
 * The sign-in events of the audit log. Who is always masked (`member:****8901`: the identification's last four
 * digits, as on the voucher), never a code, a PIN, a phone or a full document; operators appear by account name
 * (a staff account, not a personal document), except names that match no account, which may be anything a person
 * typed and are masked too.
 */
export type AuthAuditEvent =
  | 'auth.code.sent'
  | 'auth.signin.success'
  | 'auth.signin.failure'
  | 'auth.signout'
  | 'auth.timeout'
  | 'operator.signin.success'
  | 'operator.signin.failure'
  | 'operator.lockout'
  | 'operator.signout'
  | 'operator.autolock'
  | 'operator.unlock'
  | 'supervisor.authorization.granted'
  | 'supervisor.authorization.refused'
  | 'supervisor.authorization.used';

export function personActor(type: 'member' | 'company', id: string): string {
  return `${type}:${maskTail(id.replace(/\D/g, ''), 4)}`;
}

export function operatorActor(username: string, known: boolean): string {
  return known ? `operator:${username.toLowerCase()}` : `operator:unknown(${maskTail(username, 2)})`;
}

export function createAuthAudit(audit: AuditRepo, clock: Clock) {
  return {
    record(event: AuthAuditEvent, actor: string | null, detail: Record<string, string | number> = {}): void {
      const text = Object.entries(detail)
        .map(([key, value]) => `${key}=${value}`)
        .join(' ');
      audit.record(clock.now().toISOString(), event, actor, text || null);
    },
  };
}
export type AuthAudit = ReturnType<typeof createAuthAudit>;
