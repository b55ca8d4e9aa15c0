import type { PaymentsColumn } from '../components/payments-table';
import { formatCop, formatDateTime } from '../format';
import { paymentTexts } from './texts';

/**
 * The columns the payment tables share (HISTORIAL, *Historial del terminal*, the desk's *Recibos*), each defined
 * once. A column of a narrower row fits any row that has its fields.
 */
export const paymentColumns = {
  date: { header: 'Fecha', value: (row) => formatDateTime(row.createdAt), nowrap: true, field: 'fecha' } satisfies PaymentsColumn<{
    createdAt: string;
  }>,
  reference: { header: 'Referencia', value: (row) => row.reference, nowrap: true, field: 'referencia' } satisfies PaymentsColumn<{
    reference: string;
  }>,
  amount: { header: 'Valor', value: (row) => formatCop(row.amount), money: true, field: 'valor' } satisfies PaymentsColumn<{
    amount: number;
  }>,
  state: { header: 'Estado', value: (row) => paymentTexts.states[row.state] ?? row.state, field: 'estado' } satisfies PaymentsColumn<{
    state: string;
  }>,
  /** The document with the concept under it. */
  obligation: (header: string): PaymentsColumn<{ document: string; concept: string }> => ({
    header,
    value: (row) => row.document,
    note: (row) => row.concept,
    strong: true,
  }),
};
