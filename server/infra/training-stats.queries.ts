import type { TrainingStatsQueries } from '../app/ports/training-stats.port';
import { beijingDate } from '../domain/beijing-calendar';
import type { Role } from '../domain/roles';

/**
 * The roster and the resignations of a window, projected to the few fields the training
 * statistics use (indexed on `noticeDate`, as `admin.stats`).
 */
export function trainingStatsQueries(db: WxServerSdk.Database): TrainingStatsQueries {
  const _ = db.command;
  return {
    async roster(limit) {
      const { data } = await db
        .collection('employees')
        .field({ department: true, roles: true })
        .limit(limit)
        .get();
      return data.map((doc) => ({
        employeeNo: String(doc._id),
        department: String(doc.department ?? ''),
        roles: (Array.isArray(doc.roles) ? doc.roles : []) as Role[],
      }));
    },
    async resignationsNoticed(from, to, limit) {
      const { data } = await db
        .collection('cases')
        .where({ kind: 'resignation', noticeDate: _.gte(from).and(_.lte(to)) })
        .field({
          employee: true,
          noticeReceivedAt: true,
          noticeDate: true,
          lastWorkingDay: true,
          completedAt: true,
          formalitiesAtMs: true,
          signedAtMs: true,
        })
        .limit(limit)
        .get();
      return data.map((doc) => {
        const employee = doc.employee as { employeeNo?: unknown } | undefined;
        return {
          employeeNo: String(employee?.employeeNo ?? ''),
          noticeReceivedAt: String(doc.noticeReceivedAt),
          noticeDate: String(doc.noticeDate),
          ...(typeof doc.lastWorkingDay === 'string' ? { lastWorkingDay: doc.lastWorkingDay } : {}),
          ...(typeof doc.completedAt === 'string'
            ? { completedDate: beijingDate(new Date(doc.completedAt)) }
            : {}),
          formalitiesAtMs: typeof doc.formalitiesAtMs === 'number' ? doc.formalitiesAtMs : null,
          signedAtMs: typeof doc.signedAtMs === 'number' ? doc.signedAtMs : null,
        };
      });
    },
  };
}
