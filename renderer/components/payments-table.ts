import type { RouteLocationRaw } from 'vue-router';

/**
 * One column of a `PaymentsTable`: its header and how a row reads in it. With `note`, the cell holds two lines
 * (the value kept on one line, the note under it, small); without, one line, optionally money or kept whole.
 */
export type PaymentsColumn<Row> = {
  header: string;
  value: (row: Row) => string;
  /** A second, smaller line under the value (the date under a reference, the concept under a document). */
  note?: (row: Row) => string;
  /** With `note`: the value stands out (`<strong>`). */
  strong?: boolean;
  money?: boolean;
  nowrap?: boolean;
  /** `data-field` of the cell, what the tests and the screen reader tour read. */
  field?: string;
};

/** What a row opens (its voucher, its status, its receipt): the last column's link; null: nothing. */
export interface PaymentsOp {
  to: RouteLocationRaw;
  text: string;
  /** The accessible name, which names the row (`Ver voucher 12345`). */
  label: string;
  primary?: boolean;
}

/** A `PaymentsTable` apart from its rows: the screens that list payments differ only in these. */
export interface PaymentsTableSpec<Row> {
  columns: readonly PaymentsColumn<Row>[];
  caption: string;
  testId: string;
  opHeader: string;
  /** Data attributes of a row (`data-reference`, `data-receipt`) that find it on the screen. */
  rowAttrs: (row: Row) => Record<string, string>;
  op: (row: Row) => PaymentsOp | null;
}
