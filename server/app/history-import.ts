import type { ActionResult } from '../contract';
import { beijingDate } from '../domain/beijing-calendar';
import type { HistoricalDeparture, DepartureHistory } from './ports/departure-history.port';
import type { SettingsRepository } from './ports/settings.port';
import { ok } from './outcome';
import type { Handler } from './rpc-handler';

type ImportError = ActionResult<'admin.importHistory'>['errors'][number];

/** How a spreadsheet says whether the letter was signed. */
const SIGNED_WORDS: Readonly<Record<string, boolean>> = {
  是: true,
  已签: true,
  已签署: true,
  y: true,
  yes: true,
  true: true,
  '1': true,
  否: false,
  未签: false,
  未签署: false,
  n: false,
  no: false,
  false: false,
  '0': false,
};

export interface HistoryImportDeps {
  readonly history: DepartureHistory;
  readonly settings: SettingsRepository;
}

/**
 * `admin.importHistory`: past departures from HR's spreadsheet, stored as imported history
 * (历史导入) so the statistics can compare before and after the product. They are never cases:
 * no evidence, no audit chain, no board, no reminders. A row is keyed by employee number and
 * notice date, so importing the same sheet again adds nothing. Bad rows are reported one by
 * one and the others still land; at most rows + 2 round trips (the settings, one read, one
 * write per new or changed row).
 */
export function historyImportHandlers(deps: HistoryImportDeps): {
  'admin.importHistory': Handler<'admin.importHistory'>;
} {
  return {
    async 'admin.importHistory'({ now }, { rows }) {
      const settings = await deps.settings.get();
      const rules = Object.values(settings.policy.reasons);
      const byName = new Map<string, string>();
      for (const rule of rules) {
        byName.set(rule.reason, rule.reason);
        byName.set(rule.label, rule.reason);
      }
      const reasonList = rules.map((rule) => rule.label).join('、');

      const errors: ImportError[] = [];
      const departures: HistoricalDeparture[] = [];
      const seen = new Set<string>();
      for (const [index, row] of rows.entries()) {
        const error = (field: string, message: string) =>
          errors.push({ row: index + 1, field, message });
        const reason = byName.get(row.reason);
        const signed = SIGNED_WORDS[row.signed.toLowerCase()];
        const key = `${row.employeeNo}:${row.noticeDate}`;
        if (seen.has(key)) {
          error('noticeDate', `员工 ${row.employeeNo} 在 ${row.noticeDate} 的离职在本次导入中重复`);
        } else if (reason === undefined) {
          error('reason', `离职原因应为：${reasonList}`);
        } else if (signed === undefined) {
          error('signed', '是否签署应填“是”或“否”');
        } else if (row.lastWorkingDay < row.noticeDate) {
          error('lastWorkingDay', '最后工作日不能早于提出离职日期');
        } else if (row.noticeDate > beijingDate(now)) {
          error('noticeDate', '历史离职的提出日期不能晚于今天');
        } else {
          departures.push({
            employeeNo: row.employeeNo,
            name: row.name,
            department: row.department,
            reason,
            noticeDate: row.noticeDate,
            lastWorkingDay: row.lastWorkingDay,
            signed,
          });
        }
        seen.add(key);
      }

      const saved =
        departures.length > 0
          ? await deps.history.save(departures, now.toISOString())
          : { created: 0, updated: 0, unchanged: 0 };
      return ok({ ...saved, errors });
    },
  };
}
