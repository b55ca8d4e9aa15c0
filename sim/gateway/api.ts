import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { orderStatusBody, pseStatusBody, sendCallback } from './answers';
import { bankPageHtml } from './bank-page';
import { simBanks, type GatewayState, type SimOperation } from './state';

type Params = Record<string, string | undefined>;

/** Form posts (as Credibanco expects them) and query strings are both read, like the real platform does. */
function paramsOf(request: FastifyRequest): Params {
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Params;
  return { ...(request.query as Params), ...body };
}

function malformedBody(operation: SimOperation): unknown {
  if (operation === 'register') return { orderId: 12345, formUrl: null };
  if (operation === 'banks') return { banks: 'none' };
  if (operation === 'pseStatus') return { transactionStatus: 'MAYBE', financialInstitutionCode: 1007 };
  return { orderNumber: 7, orderStatus: 'approved', amount: 'mucho' };
}

/**
 * Answers one gateway call, applying an injected fault: `before` faults hit before anything happens, `after`
 * faults let the call take effect and then lose or garble the answer (the "unknown outcome" case).
 */
async function answer(
  state: GatewayState,
  operation: SimOperation,
  request: FastifyRequest,
  reply: FastifyReply,
  work: () => unknown,
): Promise<unknown> {
  const fault = state.takeFault(operation);
  if (fault?.mode === 'latency') await sleep(fault.latencyMs);
  const hit = (phase: 'before' | 'after') => fault !== undefined && fault.mode !== 'latency' && fault.phase === phase;
  const garble = (body: unknown): unknown => {
    if (!fault) return body;
    if (fault.mode === 'down') {
      reply.hijack();
      request.raw.socket.destroy();
      return undefined;
    }
    if (fault.mode === 'http500') return reply.code(500).type('text/html').send('<html><body>Internal Server Error</body></html>');
    if (fault.mode === 'malformed') return reply.type('application/json').send(JSON.stringify(malformedBody(operation)));
    const text = JSON.stringify(body ?? { errorCode: '0' });
    return reply.type('application/json').send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  };
  if (hit('before')) return garble(undefined);
  const body = work();
  if (hit('after')) return garble(body);
  return body;
}

export function gatewayApi(state: GatewayState) {
  return async function routes(server: FastifyInstance): Promise<void> {
    server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    const authorized = (p: Params) => p.userName === state.credentials.userName && p.password === state.credentials.password;
    const denied = { errorCode: '5', errorMessage: 'Access denied' };

    server.post('/rest/register.do', (request, reply) =>
      answer(state, 'register', request, reply, () => {
        const p = paramsOf(request);
        if (!authorized(p)) return denied;
        const orderNumber = p.orderNumber ?? '';
        if (!/^[^|"]{1,32}$/.test(orderNumber)) return { errorCode: '3', errorMessage: 'Invalid order number' };
        if (state.hasNumber(orderNumber))
          return { errorCode: '1', errorMessage: 'Order number is duplicated, order with given order number is processed already' };
        const amount = Number(p.amount);
        if (!Number.isSafeInteger(amount) || amount <= 0) return { errorCode: '3', errorMessage: 'Invalid amount' };
        if (p.currency !== '170') return { errorCode: '3', errorMessage: 'Invalid currency' };
        let json: Record<string, string>;
        try {
          json = JSON.parse(p.jsonParams ?? '{}') as Record<string, string>;
        } catch {
          return { errorCode: '3', errorMessage: 'Invalid jsonParams' };
        }
        const bankCode = json['pse.financialInstitutionCode'] ?? '';
        if (!simBanks.some((b) => b.financialInstitutionCode === bankCode && bankCode !== '0')) {
          return { errorCode: '3', errorMessage: 'Unknown financial institution' };
        }
        let returnUrl: URL;
        try {
          returnUrl = new URL(p.returnUrl ?? '');
        } catch {
          return { errorCode: '3', errorMessage: 'Invalid returnUrl' };
        }
        const order = state.addOrder({
          orderNumber,
          amountMinor: amount,
          description: p.description ?? '',
          returnUrl: returnUrl.toString(),
          failUrl: p.failUrl || returnUrl.toString(),
          email: p.email ?? '',
          fullName: json['pse.fullName'] ?? '',
          bankCode,
          userType: json['pse.userType'] ?? '0',
          docType: json['pse.docType'] ?? 'CC',
          docNumber: json['pse.docNumber'] ?? '',
        });
        const formUrl = `http://${request.headers.host ?? '127.0.0.1'}/payment/pse/banco?mdOrder=${order.orderId}`;
        return { orderId: order.orderId, formUrl };
      }),
    );

    server.post('/rest/getOrderStatusExtended.do', (request, reply) =>
      answer(state, 'orderStatus', request, reply, () => {
        const p = paramsOf(request);
        if (!authorized(p)) return denied;
        if (!p.orderId && !p.orderNumber) return { errorCode: '1', errorMessage: 'orderId or orderNumber is required' };
        const order = state.order({ orderId: p.orderId, orderNumber: p.orderId ? undefined : p.orderNumber });
        if (!order) return { errorCode: '6', errorMessage: 'Order not found' };
        return orderStatusBody(order);
      }),
    );

    server.post('/pse/status.do', (request, reply) =>
      answer(state, 'pseStatus', request, reply, () => {
        const p = paramsOf(request);
        if (!authorized(p)) return denied;
        const order = state.order({ orderId: p.orderId });
        if (!order) return { errorCode: '6', errorMessage: 'Order not found' };
        return pseStatusBody(order);
      }),
    );

    server.post('/pse/banks.do', (request, reply) =>
      answer(state, 'banks', request, reply, () => (authorized(paramsOf(request)) ? { errorCode: '0', banks: simBanks } : denied)),
    );

    // The bank's page (the payer's browser goes here, never inside a frame of ours).
    server.get<{ Querystring: { mdOrder?: string } }>('/pse/banco', async (request, reply) => {
      const order = state.order({ orderId: request.query.mdOrder });
      if (!order)
        return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><p lang="es">Transacción no encontrada.</p>');
      const result = await answer(state, 'bankPage', request, reply, () => {
        state.reachBank(order, request.ip);
        return bankPageHtml(order, '/payment/pse/banco');
      });
      if (typeof result === 'string') return reply.type('text/html; charset=utf-8').send(result);
      return result;
    });

    server.post('/pse/banco', async (request, reply) => {
      const p = paramsOf(request);
      const order = state.order({ orderId: p.mdOrder });
      if (!order)
        return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><p lang="es">Transacción no encontrada.</p>');
      const decision = p.decision;
      const outcome = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : decision === 'pending' ? 'pending' : null;
      if (outcome === null && decision !== 'abandon')
        return reply.code(400).send({ error: 'decision must be approve, reject, pending or abandon' });
      if (outcome !== null && state.decide(order, outcome)) sendCallback(state, order);
      // Abandon leaves the order unpaid (it fails at the gateway when its 20 minutes run out).
      const back = new URL(outcome === 'approved' || outcome === 'pending' ? order.returnUrl : order.failUrl);
      back.searchParams.set('orderId', order.orderId);
      back.searchParams.set('lang', 'es');
      return reply.code(303).header('location', back.toString()).send();
    });
  };
}
