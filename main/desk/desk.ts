import type { ApiInput, ApiOutput } from '../api/contract';
import { ApiError } from '../api/errors';
import type { OwnerNamesRepo } from '../db/owner-names-repo';
import { fromRow, type ObligationsService } from '../obligations/service';
import type { PsePayer } from '../payments/gateway';
import type { PaymentService, StartedPayment } from '../payments/service';
import { voucherOf } from '../payments/views';
import { createConflicts } from './conflicts';
import type { DeskDeps, DeskOperator } from './deps';
import { createDeskLookup } from './lookup';
import { createDeskPayments, toChoice } from './payments';
import { createShiftService } from './shifts';
import { createDeskVoids } from './voids';

export interface DeskServiceDeps extends DeskDeps {
  obligations: ObligationsService;
  /** Names of members and companies the central API gave in live lookups (shown by the next local answer). */
  ownerNames: OwnerNamesRepo;
  pse: PaymentService;
  /** PSE needs the central link and the gateway: offered only while connectivity is not `offline`. */
  online: () => boolean;
  /** When the local copy last caught up with the central API (the age a local answer shows). */
  dataAsOf: () => string | null;
}

type PaymentItem = ApiOutput<'desk.shiftPayments'>['items'][number];

/**
 * The cashier desk as one unit for the composition root: shifts, cash and card payments, voids, conflicts, and
 * the lookups and PSE flow it borrows from the data layer and the payments service.
 */
export function createDeskService(deps: DeskServiceDeps) {
  const { payments, desk, obligations } = deps;
  const shifts = createShiftService(deps);
  const pay = createDeskPayments({ ...deps, shifts, pendingPse: (id) => deps.pse.pendingRefusal(id) });
  const voids = createDeskVoids({ ...deps, shifts });
  const conflicts = createConflicts(deps);
  const lookup = createDeskLookup({
    obligations,
    ownerNames: deps.ownerNames,
    clock: deps.clock,
    logger: deps.logger,
    retentionDays: deps.config.retention.personalDataDays,
  });

  function requirePseOnline(): void {
    if (!deps.online()) throw new ApiError('UNAVAILABLE', 'PSE needs the central link and the gateway', { reason: 'OFFLINE' });
  }

  function paymentItems(shiftId: string, limit: number): PaymentItem[] {
    const open = desk.openShift();
    return desk
      .shiftPayments(shiftId)
      .slice(0, limit)
      .map((row) => {
        const obligation = payments.obligation(row.obligation_id);
        const central = row.registration_cancelled_at
          ? 'cancelled'
          : row.conflict_id
            ? 'conflict'
            : row.outbox_state === 'sent'
              ? 'registered'
              : 'pending';
        return {
          paymentId: row.id,
          method: row.method,
          receiptNumber: row.receipt_number,
          reference: row.reference,
          amount: row.amount,
          document: obligation?.document ?? row.obligation_id,
          concept: obligation?.concept ?? '',
          state:
            row.state === 'created' || row.state === 'registered' || row.state === 'redirected'
              ? 'inProgress'
              : (row.state as PaymentItem['state']),
          central,
          operatorName: desk.shift(shiftId)?.operator_name ?? row.operator_id ?? '',
          createdAt: row.created_at,
          voidable: row.method !== 'pse' && row.state === 'approved' && open?.id === shiftId,
        };
      });
  }

  return {
    shifts,
    pay,
    voids,
    conflicts,
    /** *Buscar*: local at once, or live (see ./lookup.ts). */
    lookup,
    quote(obligationId: string): ApiOutput<'desk.quote'> {
      const o = payments.obligation(obligationId);
      if (!o) throw new ApiError('NOT_FOUND', 'obligation not in the local copy', { reason: 'OBLIGATION' });
      const blocked = deps.pse.pendingRefusal(o.id);
      const nothing = o.balance <= 0;
      const local = (reason: 'PSE_PENDING' | 'NOTHING_TO_PAY' | null) => ({ available: reason === null, reason });
      const deskReason = nothing ? 'NOTHING_TO_PAY' : blocked ? 'PSE_PENDING' : null;
      const pseReason = deskReason ?? (deps.online() ? null : 'OFFLINE');
      const asOf = deps.dataAsOf();
      const updated = asOf ? Date.parse(asOf) : deps.clock.now().getTime();
      return {
        obligation: fromRow(o),
        options: pay.quoteOptions(o),
        methods: { cash: local(deskReason), card: local(deskReason), pse: { available: pseReason === null, reason: pseReason } },
        blocked,
        source: 'local',
        ageSeconds: Math.max(0, Math.round((deps.clock.now().getTime() - updated) / 1000)),
      };
    },
    shiftPayments(shiftId: string | undefined, limit: number): ApiOutput<'desk.shiftPayments'> {
      const shift = shiftId ? desk.shift(shiftId) : (desk.openShift() ?? desk.latestShift());
      if (!shift) return { items: [] };
      return { items: paymentItems(shift.id, limit) };
    },
    receipt(paymentId: string): ApiOutput<'desk.receipt'> {
      const payment = payments.get(paymentId);
      const voucher = payment ? voucherOf(payments, payment) : undefined;
      if (!voucher) throw new ApiError('NOT_FOUND', 'no receipt for that payment', { reason: 'PAYMENT' });
      return voucher;
    },
    reprint(paymentId: string): { jobId: string; copy: boolean } {
      const voucher = payments.voucher(paymentId);
      if (!voucher) throw new ApiError('NOT_FOUND', 'no receipt for that payment', { reason: 'PAYMENT' });
      return deps.print.reprint(voucher.id);
    },
    pse: deps.pse,
    /**
     * PSE on the person's behalf: the kiosk's flow (the payments service applies its rules), online only, in the
     * operator's open shift. Whom it is for: the credit's owner; a jardín slip is paid by whoever the payer is.
     */
    pseStart(operator: DeskOperator, input: ApiInput<'desk.pseStart'>): Promise<StartedPayment> {
      requirePseOnline();
      const shift = shifts.requireOwn(operator);
      const o = payments.obligation(input.obligationId);
      if (!o) throw new ApiError('NOT_FOUND', 'obligation not in the local copy', { reason: 'OBLIGATION' });
      const payer: PsePayer = input.payer;
      const subject =
        o.owner_type === 'member' || o.owner_type === 'company'
          ? { subjectType: o.owner_type, subjectId: o.owner_id }
          : { subjectType: payer.docType === 'NIT' ? ('company' as const) : ('member' as const), subjectId: payer.docNumber };
      return deps.pse.start({
        requestId: input.requestId,
        obligationId: input.obligationId,
        choice: toChoice(input.amount),
        bankCode: input.bankCode,
        subject,
        payer,
        desk: { operatorId: operator.username, shiftId: shift.id },
      });
    },
    async pseResult(paymentId: string): Promise<ApiOutput<'desk.pseResult'>> {
      const payment = payments.get(paymentId);
      if (!payment || payment.method !== 'pse' || !payment.subjectType || !payment.subjectId) {
        throw new ApiError('NOT_FOUND', 'no PSE payment with that id', { reason: 'PAYMENT' });
      }
      const subject = { subjectType: payment.subjectType === 'company' ? 'company' : 'member', subjectId: payment.subjectId } as const;
      const result = await deps.pse.result(payment.reference, subject);
      const outcome = result.outcome === 'voided' ? 'failed' : result.outcome;
      return {
        paymentId,
        reference: result.reference,
        outcome,
        pendingText: result.pendingText,
        voucherAvailable: result.voucherAvailable,
      };
    },
    requirePseOnline,
  };
}
export type DeskService = ReturnType<typeof createDeskService>;
export type { DeskOperator };
