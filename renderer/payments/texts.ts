import { ApiCallError } from '../api';
import { messageFor } from '../messages';

/**
 * Every Spanish text of the payment screens (Monto a Pagar, PSE, results, voucher, Historial). Facts the core
 * words itself — ACH's pending text, the bank-list failure — arrive in `details.text` or in the output and are
 * shown as they come; the amount rules and their texts are main/domain/payment-amount.ts (the core's own, run on
 * screen before sending); these are the renderer's own words.
 */
export const paymentTexts = {
  /** The screens' prompts before a choice can be checked; the amount rules' own texts are main/domain/payment-amount.ts. */
  amount: {
    missing: 'Elija el valor a pagar.',
    otherMissing: 'Escriba el valor a pagar con el teclado numérico.',
  },
  docTypes: { CC: 'Cédula de Ciudadanía', CE: 'Cédula de Extranjería', TI: 'Tarjeta de Identidad', PP: 'Pasaporte', NIT: 'NIT' } as Record<
    string,
    string
  >,
  personTypes: { natural: 'Persona natural', juridica: 'Persona jurídica' } as Record<string, string>,
  toBank:
    'Al presionar PAGAR será dirigido a la página de su entidad financiera para autorizar el débito. Al terminar, volverá a esta pantalla.',
  leaving: 'Dirigiéndolo a su entidad financiera…',
  noReturnUrl:
    'Este terminal no puede iniciar pagos por PSE en este momento (falta la dirección de retorno). No se realizó ningún cobro; solicite ayuda en la sede.',
  outcome: {
    approved: { title: 'Pago aprobado', text: 'Su entidad financiera aprobó el pago. Este es su comprobante.' },
    rejected: {
      title: 'Pago rechazado',
      text: 'Su entidad financiera no aprobó el pago, por lo que no se debitó ningún valor de su cuenta.',
      next: 'Puede intentarlo de nuevo desde CRÉDITOS o JARDÍN, con la misma u otra entidad financiera, o consultar con su banco el motivo del rechazo.',
    },
    failed: {
      title: 'Transacción fallida',
      text: 'La transacción no se pudo completar.',
      next: 'Puede intentar el pago de nuevo desde CRÉDITOS o JARDÍN. Si su entidad financiera le informa un débito de este valor, comuníquese con nuestras líneas de atención al cliente e indique la referencia.',
    },
    pending: {
      title: 'Transacción pendiente',
      next: 'No intente pagar de nuevo esta obligación mientras la transacción esté pendiente. Puede consultar el estado más tarde en Historial.',
    },
    inProgress: {
      title: 'Estamos confirmando su pago',
      text: 'Consultando el estado de su transacción con su entidad financiera…',
      slow: 'Aún no tenemos la respuesta de su entidad financiera. Si no terminó el pago en la página de su banco, no se realizó ningún cobro.',
      /** What happens next while the bank has not answered: the gateway's 20-minute window, and a way out. */
      next: (until: string) =>
        `Su banco tiene hasta el ${until} para confirmar el pago (20 minutos desde que lo inició). ` +
        'Esta pantalla sigue consultando sola y le mostrará la respuesta final apenas llegue. ' +
        'Si no quiere esperar, puede volver al inicio: el resultado quedará en HISTORIAL.',
    },
    expired: {
      title: 'Sin confirmación de la transacción',
      text: 'No recibimos la confirmación de su entidad financiera en el tiempo permitido. Si no realizó el pago en su banco, no se hizo ningún cobro y puede intentarlo de nuevo.',
    },
    retry: 'Si no terminó el pago en la página de su banco, no se realizó ningún cobro: puede intentarlo de nuevo desde CRÉDITOS o JARDÍN.',
    wait: 'Espere un momento en esta pantalla; la consulta se repite sola.',
    unknown: {
      title: 'No pudimos identificar la transacción',
      text: 'Al regresar de su entidad financiera no encontramos la transacción en este terminal. Consulte el estado de sus pagos en Historial o solicite ayuda en la sede.',
    },
  },
  states: {
    created: 'Iniciando',
    registered: 'Iniciando',
    redirected: 'En el banco',
    pending: 'Pendiente',
    inProgress: 'En curso',
    approved: 'Aprobado',
    rejected: 'Rechazado',
    failed: 'Fallido',
    expired: 'Sin confirmar',
    voided: 'Anulado',
  } as Record<string, string>,
  historyEmpty: 'No hay transacciones en esta sesión todavía.',
  voucherMissing: 'El comprobante de este pago no está disponible en este terminal.',
} as const;

/** Why a refusal happened (`details.reason`), or '' when the core said none. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof ApiCallError)) return '';
  const reason = error.body.details?.reason;
  return typeof reason === 'string' ? reason : '';
}

/** A detail of a refusal as text, or null. */
export function detailOf(error: unknown, key: string): string | null {
  if (!(error instanceof ApiCallError)) return null;
  const value = error.body.details?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The Spanish for a refusal of a payment method: the core's own text where it gives one, else by reason/code. */
export function paymentErrorText(error: unknown): string {
  const text = detailOf(error, 'text');
  if (text) return text;
  switch (reasonOf(error)) {
    case 'NO_RETURN_URL':
      return paymentTexts.noReturnUrl;
    case 'OBLIGATION_NOT_FOUND':
      return 'No encontramos esta obligación en este terminal. Vuelva a la lista e intente de nuevo.';
    case 'NOT_OWNER':
      return 'Esta obligación no pertenece a la persona o empresa que ingresó.';
    case 'PAYMENT_NOT_FOUND':
      return 'No encontramos esa transacción entre los pagos de esta sesión.';
    case 'VOUCHER_NOT_FOUND':
      return paymentTexts.voucherMissing;
    case 'REQUEST_ID_REUSED':
      return 'Esta solicitud de pago ya se usó para otra obligación. Vuelva a la lista e intente de nuevo.';
    default:
      return messageFor(error);
  }
}

/** Field paths (`payer.phone`) the core refused in a VALIDATION error, for marking the fields. */
export function refusedFields(error: unknown): string[] {
  if (!(error instanceof ApiCallError) || error.code !== 'VALIDATION') return [];
  const issues = error.body.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue) => (typeof issue === 'object' && issue !== null && 'path' in issue ? String(issue.path) : '')).filter(Boolean);
}
