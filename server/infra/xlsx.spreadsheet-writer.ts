import type { SpreadsheetWriter } from '../app/ports/spreadsheet.port';
import { xlsxWorkbook } from './xlsx-workbook';

/** Workbooks as `.xlsx`; the ZIP codec loads on the first one (xlsx-workbook.ts). */
export const xlsxSpreadsheetWriter: SpreadsheetWriter = {
  xlsx: xlsxWorkbook,
};
