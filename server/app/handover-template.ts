import type { Handler } from './rpc-handler';
import { ok } from './outcome';
import type { FileStore } from './ports/file-store.port';
import type { Sheet, SpreadsheetWriter } from './ports/spreadsheet.port';

export interface HandoverTemplateDeps {
  readonly files: FileStore;
  /** Loaded on the first template: the writer stays off every other call's start-up. */
  readonly spreadsheets: SpreadsheetWriter;
}

/** Where the template lives; written again on each request, so it always matches this code. */
export const HANDOVER_TEMPLATE_PATH = 'templates/handover-checklist.xlsx';

/** The matters a handover usually covers, one row each, for the employee to fill in. */
export const HANDOVER_MATTERS: readonly string[] = [
  '在办工作及进度',
  '待办事项及截止日期',
  '文件资料及存放位置',
  '系统账号与权限',
  '客户、供应商及合作方联系人',
  '公司财物（工卡、电脑、钥匙等）',
  '借款、备用金及待报销费用',
  '其他需要交代的事项',
];

/** The blank 工作交接清单: one row per matter, and the three signatures the manager checks. */
export function handoverTemplateSheet(): Sheet {
  return {
    name: '工作交接清单',
    columns: [
      { title: '序号', format: 'count' },
      { title: '交接事项' },
      { title: '具体内容' },
      { title: '接收人' },
      { title: '完成情况' },
      { title: '备注' },
    ],
    rows: [
      ...HANDOVER_MATTERS.map((matter, i) => [i + 1, matter, '', '', '', '']),
      [null, '交接人签字', '', '接收人签字', '', ''],
      [null, '部门经理确认', '', '日期', '', ''],
    ],
  };
}

/**
 * `case.handoverTemplate`: the template as an `.xlsx` in storage (a path clients cannot write)
 * and a temporary URL, so the employee opens it with `wx.openDocument` and forwards it to a
 * computer to fill in. No database round trip.
 */
export function handoverTemplateHandlers(deps: HandoverTemplateDeps): {
  'case.handoverTemplate': Handler<'case.handoverTemplate'>;
} {
  return {
    async 'case.handoverTemplate'() {
      const bytes = await deps.spreadsheets.xlsx(handoverTemplateSheet());
      const fileId = await deps.files.upload(HANDOVER_TEMPLATE_PATH, bytes);
      const url = (await deps.files.temporaryUrls([fileId]))[fileId];
      if (!url) throw new Error(`no temporary URL for ${fileId}`);
      return ok({ fileId, url });
    },
  };
}
