import type { ActionResult } from '../../server/contract';

export interface PrivacyHandler {
  handler: string;
  contact: string;
  retention: string;
}

/** Who handles the data and how to reach them, as the guide names them (个保法 第17条). */
export function privacyHandler(data: ActionResult<'privacy.get'> | null): PrivacyHandler {
  const years = data?.retentionYears ?? 2;
  return {
    handler: data?.handler ?? '本公司（你的用人单位）',
    contact: data?.contact ?? '请联系本公司人力资源部门（HR）',
    retention: `离职事项办结后保存 ${years} 年（不少于《劳动合同法》第五十条第三款规定的 2 年），期满后由管理员删除个人信息，仅保留不含个人信息的办结记录。`,
  };
}
