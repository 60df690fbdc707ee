import type { ActionResult } from '../contract';
import {
  addDays,
  beijingDate,
  beijingTime,
  daysBetween,
  isInstant,
  toInstant,
} from '../domain/beijing-calendar';
import { STATES, type State, UNFINISHED_STATES } from '../domain/case-states';
import { isHr } from './caller';
import { fail, ok } from './outcome';
import type {
  BoardCase,
  BoardFilter,
  BoardPosition,
  CaseQueries,
  OverduePosition,
} from './ports/case-queries.port';
import type { EmployeesRepository } from './ports/employees.port';
import type { Handler } from './rpc-handler';

/** Rows per board page (DESIGN §7: lists are paged by 20). */
export const BOARD_PAGE_SIZE = 20;

/**
 * Finished cases (completed, withdrawn) are counted over the last 90 days only: the board is
 * about what is in hand, and its cost must not grow with years of history.
 */
export const FINISHED_COUNTED_DAYS = 90;

/** Drafts are HR's preparation of a termination: nobody else sees them (DESIGN §3). */
const STATES_SEEN_BY_MANAGERS: readonly State[] = STATES.filter((state) => state !== 'draft');

// Stored instants come from toISOString(); only that form keeps string order equal to time order.
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

type BoardRow = ActionResult<'admin.board'>['rows'][number];

export interface BoardDeps {
  readonly cases: CaseQueries;
  /** Whether an OA case's employee has bound the mini program (未绑定小程序). */
  readonly employees?: Pick<EmployeesRepository, 'findByNos'>;
}

/**
 * The opaque cursor: base64url of the last row's sort key (`e`: entered, the default order;
 * `o`: its deadline, on the overdue board).
 */
export function encodeCursor(position: BoardPosition | OverduePosition): string {
  const key =
    'overdueAt' in position
      ? { o: position.overdueAt, i: position.caseId }
      : { e: position.enteredAt, i: position.caseId };
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The position a cursor stands for, or null when it is not one this server handed out. */
export function decodeCursor(cursor: string): BoardPosition | OverduePosition | null {
  if (!BASE64URL.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { e, o, i, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (typeof i !== 'string' || !CASE_ID.test(i)) return null;
  const at = o ?? e;
  if ((o === undefined) === (e === undefined)) return null;
  if (typeof at !== 'string' || !STORED_INSTANT.test(at) || !isInstant(at)) return null;
  return o !== undefined ? { overdueAt: at, caseId: i } : { enteredAt: at, caseId: i };
}

function boardRow(doc: BoardCase, now: Date, people: PageEmployees, hr: boolean): BoardRow {
  const mobile = doc.needsCall ? people.mobiles.get(doc.employee.employeeNo) : undefined;
  const overdue = doc.overdueAt !== null && Date.parse(doc.overdueAt) <= now.getTime();
  const today = beijingDate(now);
  return {
    caseId: doc.caseId,
    kind: doc.kind,
    employeeNo: doc.employee.employeeNo,
    name: doc.employee.name,
    department: doc.employee.department,
    reason: doc.reason,
    state: doc.state,
    enteredAt: doc.enteredAt,
    ...(doc.lastWorkingDay ? { lastWorkingDay: doc.lastWorkingDay } : {}),
    overdue,
    stayedDays: Math.max(0, daysBetween(beijingDate(doc.enteredAt), today)),
    ...(overdue && doc.overdueAt !== null
      ? { overdueDays: Math.max(0, daysBetween(beijingDate(doc.overdueAt), today)) }
      : {}),
    needsCall: doc.needsCall,
    ...(mobile ? { mobile } : {}),
    ...(doc.source === 'oa' ? { source: 'oa' as const } : {}),
    ...(doc.source === 'oa' && people.unbound.has(doc.employee.employeeNo)
      ? { unbound: true as const }
      : {}),
    ...(doc.oaSyncFailed ? { oaSyncFailed: true as const } : {}),
    ...(hr && doc.rehire ? { rehire: doc.rehire } : {}),
  };
}

/** What the roster adds to a page's rows. */
interface PageEmployees {
  /** Employees of OA cases who have not bound the mini program (未绑定小程序). */
  readonly unbound: ReadonlySet<string>;
  /** The mobile on file of each employee whose row needs a call (需电话联系). */
  readonly mobiles: ReadonlyMap<string, string>;
}

/**
 * The roster behind the page's OA cases (bound or not) and its rows that need a call (the
 * mobile to tap): one read, and only when the page holds such a row. The board is HR's and the
 * managers' (their reports only), who are the ones the mobile is for.
 */
async function pageEmployees(
  employees: BoardDeps['employees'],
  page: readonly BoardCase[],
): Promise<PageEmployees> {
  const oa = new Set(
    page.filter((doc) => doc.source === 'oa').map((doc) => doc.employee.employeeNo),
  );
  const numbers = [
    ...new Set(
      page
        .filter((doc) => doc.source === 'oa' || doc.needsCall)
        .map((doc) => doc.employee.employeeNo),
    ),
  ];
  if (!employees || numbers.length === 0) return { unbound: new Set(), mobiles: new Map() };
  const found = await employees.findByNos(numbers);
  const bound = new Set(found.filter((e) => e.openid).map((e) => e.employeeNo));
  return {
    unbound: new Set([...oa].filter((no) => !bound.has(no))),
    mobiles: new Map(found.flatMap((e) => (e.mobile ? [[e.employeeNo, e.mobile] as const] : []))),
  };
}

/**
 * `admin.board`: who is in which stage and who is overdue. HR sees every case, a manager only
 * the cases of their direct reports. The page is one indexed query ordered by how long the
 * case has waited in its state, 20 rows, continued by cursor; the counts per state are one
 * aggregation under the same visibility and filters (all but the state), in parallel.
 */
export function boardHandlers(deps: BoardDeps): { 'admin.board': Handler<'admin.board'> } {
  return {
    async 'admin.board'({ caller, now }, payload) {
      const hr = isHr(caller);
      const managerNo = hr ? undefined : caller.employee?.employeeNo;
      if (!hr && !managerNo) return fail('FORBIDDEN', '只有 HR 和部门经理可以查看看板');
      if (!hr && payload.rehire) return fail('FORBIDDEN', '只有 HR 可以按可再次录用筛选');

      let after: BoardPosition | OverduePosition | null = null;
      if (payload.cursor !== undefined && payload.cursor !== '') {
        after = decodeCursor(payload.cursor);
        // A cursor of the other order (a tab changed under a stale page) is as unknown.
        const byOverdue = payload.overdueOnly === true;
        if (after && 'overdueAt' in after !== byOverdue) after = null;
        if (!after) {
          const message = '翻页位置无效，请刷新后从第一页查看';
          return fail('VALIDATION_FAILED', message, {
            field: 'cursor',
            issues: [{ field: 'cursor', message }],
          });
        }
      }

      const visible = hr ? STATES : STATES_SEEN_BY_MANAGERS;
      // No state asked for: every case still being handled.
      // 可再次录用 is set at closing: asked for, it means former employees.
      const wanted = payload.state
        ? [payload.state]
        : payload.states
          ? [...new Set(payload.states)]
          : payload.rehire
            ? (['completed'] as const)
            : UNFINISHED_STATES;
      const rowStates = wanted.filter((state) => visible.includes(state));
      const narrowed: BoardFilter = {
        ...(managerNo ? { managerNo } : {}),
        ...(payload.overdueOnly ? { overdueAt: now.toISOString() } : {}),
        ...(payload.needsCallOnly ? { needsCall: true as const } : {}),
        ...(payload.department ? { department: payload.department } : {}),
        ...(payload.q ? { q: payload.q } : {}),
        ...(payload.rehire ? { rehire: payload.rehire } : {}),
      };

      const finishedSince = addDays(beijingDate(now), -FINISHED_COUNTED_DAYS);
      // One row more than a page tells whether another page follows.
      const [found, counted] = await Promise.all([
        rowStates.length > 0
          ? deps.cases.boardPage({ ...narrowed, states: rowStates }, after, BOARD_PAGE_SIZE + 1)
          : Promise.resolve([]),
        deps.cases.countByState(
          hr ? narrowed : { ...narrowed, states: visible },
          toInstant(beijingTime(finishedSince, 0)),
          now.toISOString(),
        ),
      ]);

      const page = found.slice(0, BOARD_PAGE_SIZE);
      const people = await pageEmployees(deps.employees, page);
      const last = page[page.length - 1];
      const counts = Object.fromEntries(
        STATES.map((state) => [state, counted.byState[state] ?? 0]),
      ) as Record<State, number>;
      return ok({
        counts,
        finishedSince,
        countsIgnoringUrgency: counted.ignoringUrgency,
        overdueByState: counted.overdueByState,
        needsCallByState: counted.needsCallByState,
        rows: page.map((doc) => boardRow(doc, now, people, hr)),
        ...(found.length > BOARD_PAGE_SIZE && last
          ? {
              nextCursor: encodeCursor(
                payload.overdueOnly && last.overdueAt !== null
                  ? { overdueAt: last.overdueAt, caseId: last.caseId }
                  : { enteredAt: last.enteredAt, caseId: last.caseId },
              ),
            }
          : {}),
      });
    },
  };
}
