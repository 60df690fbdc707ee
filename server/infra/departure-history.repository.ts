import type {
  DepartureHistory,
  HistoricalDeparture,
  HistoryMonthTotals,
} from '../app/ports/departure-history.port';

/** Months in one aggregation: a period of a few years, far fewer than this. */
const MAX_MONTH_GROUPS = 1000;

/** What marks a stored departure as imported history rather than a case (历史导入). */
const HISTORY_SOURCE = 'history_import';

const FIELDS = [
  'employeeNo',
  'name',
  'department',
  'reason',
  'noticeDate',
  'lastWorkingDay',
  'signed',
] as const satisfies readonly (keyof HistoricalDeparture)[];

/** `employee number:notice date`: one departure per employee per notice, whatever re-imports it. */
function idOf(departure: HistoricalDeparture): string {
  return `${departure.employeeNo}:${departure.noticeDate}`;
}

/** `departure_history`: imported departures, indexed on `noticeDate`. */
export function departureHistoryRepository(db: WxServerSdk.Database): DepartureHistory {
  const history = () => db.collection('departure_history');
  const _ = db.command;
  const $ = _.aggregate;
  return {
    async save(departures, importedAt) {
      const ids = departures.map(idOf);
      const { data } = await history()
        .where({ _id: _.in(ids) })
        .limit(1000)
        .get();
      const stored = new Map(data.map((doc) => [String(doc._id), doc]));
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const departure of departures) {
        const id = idOf(departure);
        const current = stored.get(id);
        if (current && FIELDS.every((field) => current[field] === departure[field])) {
          unchanged += 1;
          continue;
        }
        if (current) updated += 1;
        else created += 1;
        const fields: Record<string, unknown> = { source: HISTORY_SOURCE, importedAt };
        for (const field of FIELDS) fields[field] = departure[field];
        await history().doc(id).set({ data: fields });
      }
      return { created, updated, unchanged };
    },

    async monthTotals(from, to, periodFrom) {
      const count = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
      const inPeriod = $.gte(['$noticeDate', periodFrom]);
      const { list } = await history()
        .aggregate()
        .match({ noticeDate: _.gte(from).and(_.lte(to)) })
        .group({
          _id: $.substr(['$noticeDate', 0, 7]),
          departures: $.sum(1),
          inPeriod: count(inPeriod),
          inPeriodUnsigned: count($.and([inPeriod, $.eq(['$signed', false])])),
        })
        .limit(MAX_MONTH_GROUPS)
        .end();
      return list.map((row): HistoryMonthTotals => ({
        month: String(row._id),
        departures: Number(row.departures ?? 0),
        inPeriod: Number(row.inPeriod ?? 0),
        inPeriodUnsigned: Number(row.inPeriodUnsigned ?? 0),
      }));
    },
  };
}
