import type { z } from 'zod';
import type { ApiOutput } from '../api/contract';
import type { personLookupInput } from '../api/contract/desk';
import type { OwnerNamesRepo } from '../db/owner-names-repo';
import type { OwnerType } from '../db/obligations-repo';
import { maskTail } from '../domain/identifiers';
import { oneField } from '../domain/text-field';
import type { Logger } from '../log/logger';
import type { ObligationAnswer, ObligationsService } from '../obligations/service';
import type { Clock } from '../runtime/clock';

/** As the contract parsed it: `value` is normalised (a NIT as base-checkDigit). */
type LookupInput = z.output<typeof personLookupInput>;
type LookupOutput = ApiOutput<'desk.lookup'>;

export interface DeskLookupDeps {
  obligations: ObligationsService;
  ownerNames: OwnerNamesRepo;
  clock: Clock;
  logger: Logger;
  /** Days a kept name may go unrefreshed before it is forgotten (the terminal's `retention.personalDataDays`). */
  retentionDays: number;
}

const OWNER_TYPE = { cedula: 'member', nit: 'company', student: 'student' } as const satisfies Record<LookupInput['by'], OwnerType>;

/**
 * *Buscar* at the desk. The screen asks twice: `local` answers from the terminal's copy at once, with its age;
 * `live` asks the central API and replaces it when it comes (or is refused with OFFLINE and the screen keeps the
 * local answer). Without `source`, one call: live, else local. Each answer names whom it found: a live answer
 * with the central API's name (kept for the next local answer), a local one with the name kept here, or a
 * student's from their slips. The name is one field and the identification shows only its last four digits.
 */
export function createDeskLookup(deps: DeskLookupDeps) {
  const { obligations, ownerNames, clock } = deps;

  function keptName(ownerType: OwnerType, ownerId: string, answer: ObligationAnswer): string | null {
    if (ownerType === 'student') return answer.obligations.find((o) => o.studentName)?.studentName ?? null;
    return ownerNames.nameOf(ownerType, ownerId);
  }

  function learn(ownerType: OwnerType, ownerId: string, name: string | null): void {
    if (ownerType === 'student') return;
    const now = clock.now();
    const forgetBefore = new Date(now.getTime() - deps.retentionDays * 86_400_000).toISOString();
    try {
      ownerNames.remember(ownerType, ownerId, name, now.toISOString(), forgetBefore);
    } catch (error) {
      // A name not kept only means a later offline answer shows the identification alone.
      deps.logger.warn({ ownerType, reason: (error as Error).name }, 'owner name could not be kept');
    }
  }

  return async function lookup(input: LookupInput): Promise<LookupOutput> {
    const { value } = input;
    const ownerType = OWNER_TYPE[input.by];
    let answer: ObligationAnswer;
    let name: string | null;
    if (input.source === 'local') {
      answer = obligations.localOnly(ownerType, value);
      name = keptName(ownerType, value, answer);
    } else {
      const found =
        input.source === 'live' ? await obligations.liveOnly(ownerType, value) : await obligations.liveOrLocal(ownerType, value);
      const { source, asOf, ageSeconds, obligations: rows } = found;
      answer = { source, asOf, ageSeconds, obligations: rows };
      if (found.ownerName !== undefined) {
        learn(ownerType, value, found.ownerName);
        name = found.ownerName ?? keptName(ownerType, value, answer);
      } else name = keptName(ownerType, value, answer);
    }
    const shown = name === null ? null : oneField(name) || null;
    return { ...answer, owner: { by: input.by, id: value, masked: maskTail(value.replace(/\D/g, ''), 4), name: shown } };
  };
}
