import type {
  BoardCase,
  BoardCounts,
  BoardFilter,
  CaseQueries,
  MonthTotals,
  OutcomeTotals,
  ReasonTotals,
  OpenStall,
} from '../app/ports/case-queries.port';
import type { Instant } from '../domain/beijing-calendar';
import { REHIRE_CHOICES, type RehireChoice } from '../domain/case-record';
import { isTerminal, STATES, type State, UNFINISHED_STATES } from '../domain/case-states';

/** 签署时限: the letter is due 3 days (72 h) after formalities start (DESIGN §3 checklist). */
const SIGNING_WINDOW_MS = 72 * 3600_000;

/**
 * Group rows of the period aggregation: one per (reason, department). The platform answers at
 * most 1000 rows; a company with more departments than fit sees its smallest ones cut.
 */
const MAX_PERIOD_GROUPS = 1000;
/** Group rows of the month aggregation: the stats ask for 12 months. */
const MAX_MONTH_GROUPS = 24;

/** Only what a board row shows: never the event log or the attachments. */
const BOARD_FIELDS = {
  _id: true,
  caseId: true,
  kind: true,
  reason: true,
  state: true,
  lastWorkingDay: true,
  enteredAt: true,
  overdueAt: true,
  needsCall: true,
  source: true,
  oaSyncFailed: true,
  rehire: true,
  'employee.employeeNo': true,
  'employee.name': true,
  'employee.department': true,
} as const;

/** A condition object, or a top-level `_.or` / `_.and` built by `db.command`. */
type Condition = WxServerSdk.Condition | WxServerSdk.CommandExpr;

const EMPLOYEE_NO = /^[A-Za-z0-9_-]+$/;

/**
 * The smallest string greater than every string that starts with `prefix`, in code point order
 * (MongoDB compares UTF-8 bytes, which is the same order): a name prefix becomes an indexed
 * range instead of a regular expression.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = (points.pop() as string).codePointAt(0) as number;
    let next = last + 1;
    // Surrogate code points cannot appear in a string on their own.
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return null;
}

/**
 * `cases` read side (DESIGN §4): the board's page is one indexed, cursor-paged query ordered
 * by (`enteredAt`, `_id`), its counts one aggregation, and the statistics one aggregation over
 * the indicators stored on every case. The indexes these need are declared for the local
 * cloud in tools/local-cloud/indexes.json (compound: state/managerNo/department, then enteredAt).
 */
export function caseQueries(db: WxServerSdk.Database): CaseQueries {
  const cases = () => db.collection('cases');
  const _ = db.command;
  const $ = _.aggregate;

  function filterConditions(filter: BoardFilter): Condition[] {
    const base: WxServerSdk.Condition = {};
    const states = filter.states;
    if (states !== undefined) base.state = states.length === 1 ? states[0] : _.in([...states]);
    if (filter.managerNo !== undefined) base.managerNo = filter.managerNo;
    if (filter.department !== undefined) base['employee.department'] = filter.department;
    if (filter.rehire !== undefined) base.rehire = filter.rehire;
    // Cases that cannot be overdue store null, which never matches a range on strings.
    if (filter.overdueAt !== undefined) base.overdueAt = _.lte(filter.overdueAt);
    if (filter.needsCall) base.needsCall = true;
    const conditions: Condition[] = [base];
    const q = filter.q;
    if (q) {
      const upper = prefixUpperBound(q);
      const byName = {
        'employee.name': upper === null ? _.gte(q) : _.gte(q).and(_.lt(upper)),
      };
      conditions.push(EMPLOYEE_NO.test(q) ? _.or([{ 'employee.employeeNo': q }, byName]) : byName);
    }
    return conditions;
  }

  function where(conditions: Condition[]): Condition {
    return conditions.length === 1 ? (conditions[0] as Condition) : _.and(conditions);
  }

  return {
    async boardPage(filter, after, limit) {
      const conditions = filterConditions(filter);
      // The overdue board goes by urgency: the earliest deadline first.
      const key = filter.overdueAt !== undefined ? 'overdueAt' : 'enteredAt';
      if (after) {
        const at = 'overdueAt' in after ? after.overdueAt : after.enteredAt;
        conditions.push(...afterPosition(_, key, at, after.caseId));
      }
      const { data } = await cases()
        .where(where(conditions))
        .orderBy(key, 'asc')
        .orderBy('_id', 'asc')
        .limit(limit)
        .field(BOARD_FIELDS)
        .get();
      return data.map(toBoardCase);
    },

    async countByState(filter, finishedSince, now) {
      const { states = STATES, overdueAt, needsCall, ...rest } = filter;
      const open = states.filter((state) => !isTerminal(state));
      const finished = states.filter(isTerminal);
      const count = async (conditions: Condition[], groups: number, sums: object) => {
        if (groups === 0) return [];
        const { list } = await cases()
          .aggregate()
          .match(where([...filterConditions(rest), ...conditions]))
          .group({ _id: '$state', ...sums })
          .limit(groups)
          .end();
        return list;
      };
      // Overdue: a deadline that has passed; cases that cannot be overdue store null.
      const overdueBy = (at: Instant) => $.and([isSet('$overdueAt'), $.lte(['$overdueAt', at])]);
      const flagged = $.eq(['$needsCall', true]);
      const one = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
      const urgency = [
        ...(overdueAt !== undefined ? [overdueBy(overdueAt)] : []),
        ...(needsCall ? [flagged] : []),
      ];
      // The urgency filters are counted inside the groups, so every number but `byState` is
      // independent of them and the match stays on the state index.
      const sums = {
        count: urgency.length === 0 ? $.sum(1) : one($.and(urgency)),
        all: $.sum(1),
        overdue: one(overdueBy(now)),
        needsCall: one(flagged),
      };
      // Two aggregations in parallel: the open cases (however old), and the recent endings.
      const [openRows, finishedRows] = await Promise.all([
        count([{ state: open.length === 1 ? open[0] : _.in(open) }], open.length, sums),
        count([{ state: _.in(finished), enteredAt: _.gte(finishedSince) }], finished.length, sums),
      ]);
      const counts: BoardCounts = {
        byState: {},
        ignoringUrgency: {},
        overdueByState: {},
        needsCallByState: {},
      };
      const put = (into: Partial<Record<State, number>>, state: State, value: unknown) => {
        if (Number(value) > 0) into[state] = Number(value);
      };
      for (const row of [...openRows, ...finishedRows]) {
        const state = row._id as State;
        put(counts.byState, state, row.count);
        put(counts.ignoringUrgency, state, row.all);
        if (isTerminal(state)) continue;
        put(counts.overdueByState, state, row.overdue);
        put(counts.needsCallByState, state, row.needsCall);
      }
      return counts;
    },

    async periodTotals(from, to, now) {
      const stays: Record<string, unknown> = {};
      for (const state of STATES) {
        stays[`${state}Cases`] = $.sum(present(`$stageMs.${state}`));
        stays[`${state}Ms`] = $.sum(`$stageMs.${state}`);
      }
      // The stay under way, per open state: how many are in it now and since when (epoch ms).
      for (const state of UNFINISHED_STATES) {
        const here = $.eq(['$state', state]);
        stays[`${state}Open`] = $.sum($.cond({ if: here, then: 1, else: 0 }));
        stays[`${state}Timed`] = $.sum(
          $.cond({ if: $.and([here, isSet('$enteredAtMs')]), then: 1, else: 0 }),
        );
        stays[`${state}EnteredMs`] = $.sum(
          $.cond({ if: here, then: $.ifNull(['$enteredAtMs', 0]), else: 0 }),
        );
      }
      const { list } = await cases()
        .aggregate()
        .match({ noticeDate: _.gte(from).and(_.lte(to)) })
        .group({
          _id: { reason: '$reason', department: '$employee.department' },
          ...outcomeSums(now),
          ...stays,
        })
        .limit(MAX_PERIOD_GROUPS)
        .end();
      return list.map((row): ReasonTotals => {
        const perState: Partial<Record<State, { cases: number; ms: number }>> = {};
        for (const state of STATES) {
          const count = Number(row[`${state}Cases`] ?? 0);
          if (count > 0) perState[state] = { cases: count, ms: Number(row[`${state}Ms`] ?? 0) };
        }
        const stalls: Partial<Record<State, OpenStall>> = {};
        for (const state of UNFINISHED_STATES) {
          const open = Number(row[`${state}Open`] ?? 0);
          if (open === 0) continue;
          const timed = Number(row[`${state}Timed`] ?? 0);
          const enteredMs = Number(row[`${state}EnteredMs`] ?? 0);
          stalls[state] = {
            cases: open,
            timed,
            stalledMs: Math.max(0, timed * now.getTime() - enteredMs),
          };
        }
        const key = (row._id ?? {}) as Record<string, unknown>;
        return {
          reason: String(key.reason),
          department: String(key.department ?? ''),
          ...toOutcome(row),
          stays: perState,
          stalls,
        };
      });
    },

    async monthTotals(from, to, now) {
      const { list } = await cases()
        .aggregate()
        .match({ noticeDate: _.gte(from).and(_.lte(to)) })
        .group({ _id: $.substr(['$noticeDate', 0, 7]), ...outcomeSums(now) })
        .limit(MAX_MONTH_GROUPS)
        .end();
      return list.map((row): MonthTotals => ({ month: String(row._id), ...toOutcome(row) }));
    },
  };

  /** 1 for a case whose field is set, else 0. */
  function present(path: string) {
    return $.cond({ if: $.eq([$.ifNull([path, null]), null]), then: 0, else: 1 });
  }

  function isSet(path: string) {
    return $.neq([$.ifNull([path, null]), null]);
  }

  /** The handling and signing sums of a group of cases, as of `now`. */
  function outcomeSums(now: Date): Record<string, unknown> {
    const count = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
    return {
      cases: $.sum(1),
      handled: $.sum(present('$handlingMs')),
      handlingMs: $.sum('$handlingMs'),
      handledUnsigned: count($.and([isSet('$handlingMs'), $.not([isSet('$signedAtMs')])])),
      // Decided: signed, or the 72 h window has passed unsigned; open windows wait.
      signingDecided: count(
        $.and([
          isSet('$formalitiesAtMs'),
          $.or([
            isSet('$signedAtMs'),
            $.lt(['$formalitiesAtMs', now.getTime() - SIGNING_WINDOW_MS]),
          ]),
        ]),
      ),
      signedWithin72h: count(
        $.and([
          isSet('$formalitiesAtMs'),
          isSet('$signedAtMs'),
          $.lte([$.subtract(['$signedAtMs', '$formalitiesAtMs']), SIGNING_WINDOW_MS]),
        ]),
      ),
    };
  }
}

function toOutcome(row: Record<string, unknown>): OutcomeTotals {
  return {
    cases: Number(row.cases ?? 0),
    handled: Number(row.handled ?? 0),
    handlingMs: Number(row.handlingMs ?? 0),
    handledUnsigned: Number(row.handledUnsigned ?? 0),
    signingDecided: Number(row.signingDecided ?? 0),
    signedWithin72h: Number(row.signedWithin72h ?? 0),
  };
}

/** Strictly after the position in (`key`, `_id`) order; the `gte` keeps it a range scan. */
function afterPosition(
  _: WxServerSdk.Command,
  key: 'enteredAt' | 'overdueAt',
  at: string,
  caseId: string,
): Condition[] {
  return [{ [key]: _.gte(at) }, _.or([{ [key]: _.gt(at) }, { [key]: at, _id: _.gt(caseId) }])];
}

function isRehireChoice(value: unknown): value is RehireChoice {
  return (REHIRE_CHOICES as readonly unknown[]).includes(value);
}

function toBoardCase(doc: WxServerSdk.Doc): BoardCase {
  const employee = (doc.employee ?? {}) as Record<string, unknown>;
  return {
    caseId: String(doc.caseId ?? doc._id),
    kind: doc.kind as BoardCase['kind'],
    reason: doc.reason as BoardCase['reason'],
    state: doc.state as BoardCase['state'],
    ...(typeof doc.lastWorkingDay === 'string' ? { lastWorkingDay: doc.lastWorkingDay } : {}),
    enteredAt: String(doc.enteredAt),
    overdueAt: typeof doc.overdueAt === 'string' ? doc.overdueAt : null,
    needsCall: doc.needsCall === true,
    ...(doc.source === 'oa' ? { source: 'oa' as const } : {}),
    ...(doc.oaSyncFailed === true ? { oaSyncFailed: true } : {}),
    ...(isRehireChoice(doc.rehire) ? { rehire: doc.rehire } : {}),
    employee: {
      employeeNo: String(employee.employeeNo),
      name: String(employee.name),
      department: String(employee.department),
    },
  };
}
