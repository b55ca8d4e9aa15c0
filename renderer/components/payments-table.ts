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
