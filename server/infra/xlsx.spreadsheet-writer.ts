import type { SpreadsheetWriter } from '../app/ports/spreadsheet.port';

/**
 * The workbook writer and its ZIP codec load on the first export: every cold instance of
 * `offboarding` would otherwise pay their start-up for an action HR uses now and then.
 */
export const xlsxSpreadsheetWriter: SpreadsheetWriter = {
  async xlsx(sheet) {
    const { xlsxWorkbook } = await import('./xlsx-workbook');
    return xlsxWorkbook(sheet);
  },
};
