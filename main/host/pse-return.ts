import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ORDER_ID_PATTERN, resultRoute } from '../domain/pse-return';
import type { Logger } from '../log/logger';

/** What the host needs of the payment service to take the payer back from the bank. */
export interface PseReturnHandler {
  handleReturn(orderId: string): Promise<{ reference: string } | null>;
  handleCallback(hint: { mdOrder: string; orderNumber: string }): Promise<boolean>;
}

const orderId = z.string().regex(ORDER_ID_PATTERN);
const callbackQuery = z.object({
  mdOrder: orderId,
  orderNumber: z.string().regex(/^[A-Z0-9-]{1,32}$/),
  operation: z.string().regex(/^[A-Za-z]{1,32}$/),
  status: z.enum(['0', '1']),
});

/**
 * The return from the bank in the browser host: `GET /pse/retorno?orderId=…` asks the gateway about the order,
 * then sends the browser to the result screen of its reference. `GET /pse/callback` is Credibanco's callback:
 * validated, used only as a prompt to ask the gateway (its claims are not trusted), idempotent.
 */
export function registerPseReturn(server: FastifyInstance, pse: PseReturnHandler, logger: Logger): void {
  server.get('/pse/retorno', async (request, reply) => {
    const parsed = z.object({ orderId }).safeParse(request.query);
    let target = `/${resultRoute(undefined)}`;
    if (parsed.success) {
      try {
        const found = await pse.handleReturn(parsed.data.orderId);
        if (found) target = `/${resultRoute(found.reference)}`;
        else logger.warn('return from the bank for an unknown order');
      } catch (error) {
        logger.error({ err: error }, 'return from the bank could not be reconciled');
      }
    }
    return reply.code(303).header('location', target).send();
  });

  server.get('/pse/callback', async (request, reply) => {
    const parsed = callbackQuery.safeParse(request.query);
    if (!parsed.success) return reply.code(400).send({ ok: false });
    try {
      const known = await pse.handleCallback({ mdOrder: parsed.data.mdOrder, orderNumber: parsed.data.orderNumber });
      if (!known) logger.warn('gateway callback for an unknown order');
      return reply.code(known ? 200 : 404).send({ ok: known });
    } catch (error) {
      logger.error({ err: error }, 'gateway callback could not be handled');
      return reply.code(500).send({ ok: false });
    }
  });
}
