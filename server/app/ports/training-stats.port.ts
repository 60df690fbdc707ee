import type { CalendarDate } from '../../domain/beijing-calendar';
import type { CaseFacts } from '../../domain/training-effect';
import type { Role } from '../../domain/roles';

/** Who is on the roster, as the training statistics group them. */
export interface RosterEntry {
  readonly employeeNo: string;
  readonly department: string;
  readonly roles: readonly Role[];
}

/** The reads `admin.trainingStats` makes besides the learners' records. */
export interface TrainingStatsQueries {
  /** Every employee on the roster (at most `limit`). */
  roster(limit: number): Promise<RosterEntry[]>;
  /** Resignations whose notice arrived in [from, to] (Beijing dates), at most `limit`. */
  resignationsNoticed(from: CalendarDate, to: CalendarDate, limit: number): Promise<CaseFacts[]>;
}
