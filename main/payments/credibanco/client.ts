import type { AxiosInstance } from 'axios';
import type { z } from 'zod';
import { fromMinorUnits, MoneyParseError, toMinorUnits } from '../../domain/money';
import type { Logger } from '../../log/logger';
import {
  GatewayError,
  type Bank,
  type Gateway,
  type OrderLookup,
  type PseStatus,
  type RegisteredOrder,
  type RegisterOrder,
} from '../gateway';
import { banksAnswer, errorAnswer, orderStatusAnswer, pseStatusAnswer, registerAnswer, type OrderStatusAnswer } from './schemas';

/**
 * Credibanco "Botón de Pagos" REST adapter (Manual REST v12, 2021), the only module that talks to the gateway.
 *
 * - `rest/register.do`: `userName`, `password`, `orderNumber` (our reference), `amount` in minor units
 *   (pesos × 100), `currency=170`, `returnUrl`, `failUrl`, `description`, `language=es`, `email`, `jsonParams`.
 *   Never retried here: a timeout, a 5xx or an unreadable answer is an unknown outcome, which the service
 *   resolves by asking `getOrderStatusExtended.do` with the same `orderNumber`.
 * - `rest/getOrderStatusExtended.do`: by `orderId` or by `orderNumber` (the platform accepts either). The
 *   orderId of an order found by number comes back in `attributes[name=mdOrder]`. errorCode 6 = no such order.
 * - `pse/status.do` `{orderId, language}`: ACH's view (CUS = traceabilityCode, bank, OK | NOT_AUTHORIZED |
 *   PENDING | FAILED).
 *
 * Choices where no public source settled it (design/integrations.md says *unconfirmed*):
 * - The PSE bank list is `pse/banks.do` (POST `userName`, `password`, `language`), answering
 *   `{banks: [{financialInstitutionCode, financialInstitutionName}]}`; code `0` (PSE's "seleccione su banco"
 *   placeholder) is dropped.
 * - The payer's PSE data and the chosen bank travel in `jsonParams` as flat string keys: `paymentWay=PSE`,
 *   `pse.financialInstitutionCode`, `pse.userType` (0 natural, 1 jurídica), `pse.docType`, `pse.docNumber`,
 *   `pse.fullName`, `pse.phone`; plus `installments=1` and `IVA.amount=0` (obligations carry no IVA).
 * - Requests are `application/x-www-form-urlencoded` POSTs; credentials never appear in a URL or a log.
 */
export interface CredibancoOptions {
  baseUrl: string;
  userName: string;
  password: string;
  timeoutMs: number;
  logger?: Logger;
}

const COP = '170';

export function createCredibancoGateway(options: CredibancoOptions): Gateway {
  // axios is loaded at the first call, not when the app is built (see main/central/http.ts: it makes Node load
  // undici, which a start should not wait for).
  let loaded: Promise<AxiosInstance> | undefined;
  const gateway = () =>
    (loaded ??= import('axios').then(({ default: axios }) =>
      axios.create({
        baseURL: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
        timeout: options.timeoutMs,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        // We read the body ourselves: a truncated answer must be "malformed", not a silently kept string.
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
      }),
    ));
  const credentials = { userName: options.userName, password: options.password };

  async function post(operation: GatewayError['operation'], path: string, params: Record<string, string>): Promise<unknown> {
    let response;
    const http = await gateway();
    try {
      response = await http.post<string>(path, new URLSearchParams({ ...credentials, ...params }).toString());
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERROR';
      options.logger?.warn({ operation, code }, 'gateway unreachable');
      throw new GatewayError('unavailable', operation, `no answer (${code})`);
    }
    if (response.status >= 500 || response.status === 429) {
      options.logger?.warn({ operation, status: response.status }, 'gateway server error');
      throw new GatewayError('unavailable', operation, `HTTP ${response.status}`);
    }
    if (response.status !== 200) {
      options.logger?.warn({ operation, status: response.status }, 'gateway unexpected status');
      throw new GatewayError('malformed', operation, `HTTP ${response.status}`);
    }
    try {
      return JSON.parse(String(response.data)) as unknown;
    } catch {
      options.logger?.warn({ operation, bytes: String(response.data).length }, 'gateway answer is not JSON');
      throw new GatewayError('malformed', operation, 'answer is not JSON');
    }
  }

  function parse<S extends z.ZodType>(operation: GatewayError['operation'], schema: S, body: unknown): z.output<S> {
    const result = schema.safeParse(body);
    if (!result.success) {
      const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)');
      options.logger?.warn({ operation, paths }, 'gateway answer failed its schema');
      throw new GatewayError('malformed', operation, `answer failed its schema at ${paths.join(', ')}`);
    }
    return result.data;
  }

  function pesos(operation: GatewayError['operation'], minor: number): number {
    try {
      return fromMinorUnits(minor);
    } catch (error) {
      if (error instanceof MoneyParseError) throw new GatewayError('malformed', operation, 'amount is not whole pesos');
      throw error;
    }
  }

  function toOrderStatus(answer: OrderStatusAnswer, requestedOrderId: string | undefined): OrderLookup {
    const mdOrder = answer.attributes?.find((a) => a.name === 'mdOrder')?.value;
    const orderId = mdOrder ?? requestedOrderId;
    if (!orderId) throw new GatewayError('malformed', 'orderStatus', 'answer names no orderId');
    if (answer.currency !== COP) throw new GatewayError('malformed', 'orderStatus', `unexpected currency ${answer.currency}`);
    return {
      found: true,
      orderId,
      orderNumber: answer.orderNumber,
      orderStatus: answer.orderStatus,
      actionCode: answer.actionCode ?? null,
      actionCodeDescription: answer.actionCodeDescription,
      amount: pesos('orderStatus', answer.amount),
      currency: 'COP',
      date: answer.date,
      ip: answer.ip,
      terminalId: answer.terminalId,
      authRefNum: answer.authRefNum,
      authDateTime: answer.authDateTime,
      approvalCode: answer.cardAuthInfo?.approvalCode ?? null,
      paymentWay: answer.paymentWay,
      pse: answer.pseInfo ? { cus: answer.pseInfo.traceabilityCode, bankCode: answer.pseInfo.financialInstitutionCode } : null,
    };
  }

  return {
    async register(order: RegisterOrder): Promise<RegisteredOrder> {
      const jsonParams = {
        installments: '1',
        'IVA.amount': '0',
        paymentWay: 'PSE',
        'pse.financialInstitutionCode': order.bankCode,
        'pse.userType': order.payer.personType === 'juridica' ? '1' : '0',
        'pse.docType': order.payer.docType,
        'pse.docNumber': order.payer.docNumber,
        'pse.fullName': order.payer.fullName,
        'pse.phone': order.payer.phone,
      };
      const body = await post('register', 'rest/register.do', {
        orderNumber: order.orderNumber,
        amount: String(toMinorUnits(order.amount)),
        currency: COP,
        returnUrl: order.returnUrl,
        failUrl: order.failUrl,
        description: order.description,
        language: 'es',
        email: order.payer.email,
        jsonParams: JSON.stringify(jsonParams),
      });
      const answer = parse('register', registerAnswer, body);
      if ('errorCode' in answer) {
        options.logger?.warn({ operation: 'register', gatewayCode: answer.errorCode }, 'gateway refused the order');
        throw new GatewayError('refused', 'register', `refused with errorCode ${answer.errorCode}`, answer.errorCode);
      }
      return { orderId: answer.orderId, formUrl: answer.formUrl };
    },

    async orderStatus(ref): Promise<OrderLookup> {
      const params: Record<string, string> = { language: 'es' };
      if ('orderId' in ref) params.orderId = ref.orderId;
      else params.orderNumber = ref.orderNumber;
      const body = await post('orderStatus', 'rest/getOrderStatusExtended.do', params);
      const asError = errorAnswer.safeParse(body);
      if (asError.success && asError.data.errorCode !== '0') {
        if (asError.data.errorCode === '6') return { found: false };
        throw new GatewayError('malformed', 'orderStatus', `errorCode ${asError.data.errorCode}`, asError.data.errorCode);
      }
      const answer = parse('orderStatus', orderStatusAnswer, body);
      if ('orderNumber' in ref && answer.orderNumber !== ref.orderNumber) {
        throw new GatewayError('malformed', 'orderStatus', 'answer is about another orderNumber');
      }
      return toOrderStatus(answer, 'orderId' in ref ? ref.orderId : undefined);
    },

    async pseStatus(orderId: string): Promise<PseStatus> {
      const body = await post('pseStatus', 'pse/status.do', { orderId, language: 'es' });
      const asError = errorAnswer.safeParse(body);
      if (asError.success && asError.data.errorCode !== '0') {
        throw new GatewayError('malformed', 'pseStatus', `errorCode ${asError.data.errorCode}`, asError.data.errorCode);
      }
      const answer = parse('pseStatus', pseStatusAnswer, body);
      return {
        cus: answer.traceabilityCode,
        bankCode: answer.financialInstitutionCode,
        bankName: answer.financialInstitutionName,
        transactionStatus: answer.transactionStatus,
        ticketId: answer.ticketId,
      };
    },

    async banks(): Promise<Bank[]> {
      const body = await post('banks', 'pse/banks.do', { language: 'es' });
      const asError = errorAnswer.safeParse(body);
      if (asError.success && asError.data.errorCode !== '0') {
        throw new GatewayError('refused', 'banks', `errorCode ${asError.data.errorCode}`, asError.data.errorCode);
      }
      const answer = parse('banks', banksAnswer, body);
      return answer.banks
        .filter((b) => b.financialInstitutionCode !== '0')
        .map((b) => ({ code: b.financialInstitutionCode, name: b.financialInstitutionName.trim() }));
    },
  };
}
