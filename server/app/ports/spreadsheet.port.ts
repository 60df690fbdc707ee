/** A cell: text, a number, or empty. */
export type SheetCell = string | number | null;

/** How a numeric column is shown: a count, days to one decimal, or a share as a percentage. */
export type ColumnFormat = 'count' | 'days' | 'share';

/** One table as HR sees it on the statistics page. */
export interface Sheet {
  /** The sheet's tab name (≤ 31 characters, as spreadsheets allow). */
  readonly name: string;
  readonly columns: readonly { readonly title: string; readonly format?: ColumnFormat }[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** Writes a table as a spreadsheet file HR can open and forward. */
export interface SpreadsheetWriter {
  /** The `.xlsx` bytes of a workbook with this one sheet. */
  xlsx(sheet: Sheet): Promise<Uint8Array>;
}
