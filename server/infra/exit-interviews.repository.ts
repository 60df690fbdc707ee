import type {
  ExitInterviewRecord,
  ExitInterviewsRepository,
  InterviewFilter,
  InterviewNoteRecord,
  StoredQuestionnaire,
} from '../app/ports/exit-interviews.port';
import { distributionValues } from '../domain/exit-interview';
import { addIfAbsent, findById, replacingPatch, withoutId } from './cloud-documents';

const CURRENT = 'current';
/** More departments than a company has: the tally's groups are read in one answer. */
const MAX_DEPARTMENTS = 1000;

/**
 * `interview_questions` (the questionnaire HR saved), `exit_interviews` (answers, `_id` = case
 * id) and `interview_notes` (HR's notes): three collections beside `cases`, never in a case's
 * audit chain. The statistics are one aggregation grouped by department, each answer counted
 * with a conditional sum, so nothing is loaded per interview.
 */
export function exitInterviewsRepository(db: WxServerSdk.Database): ExitInterviewsRepository {
  const questions = () => db.collection('interview_questions');
  const interviews = () => db.collection('exit_interviews');
  const notes = () => db.collection('interview_notes');
  const _ = db.command;
  const $ = _.aggregate;

  function match(filter: InterviewFilter): WxServerSdk.Condition {
    const condition: WxServerSdk.Condition = {};
    if (filter.from && filter.to) condition.noticeDate = _.gte(filter.from).and(_.lte(filter.to));
    else if (filter.from) condition.noticeDate = _.gte(filter.from);
    else if (filter.to) condition.noticeDate = _.lte(filter.to);
    if (filter.department) condition.department = filter.department;
    return condition;
  }

  return {
    questionnaire() {
      return findById<StoredQuestionnaire>(questions(), CURRENT);
    },
    async saveQuestionnaire(questionnaire, baseVersion, stored) {
      if (!stored) return addIfAbsent(questions(), CURRENT, { ...questionnaire });
      const { stats } = await questions()
        .where({ _id: CURRENT, version: baseVersion })
        .update({ data: replacingPatch(_, { ...questionnaire }) });
      return stats.updated === 1;
    },
    get(caseId) {
      return findById<ExitInterviewRecord>(interviews(), caseId);
    },
    async save(record) {
      const { caseId: _id, ...fields } = record;
      await interviews()
        .doc(record.caseId)
        .set({ data: { caseId: record.caseId, ...fields } });
    },
    note(caseId) {
      return findById<InterviewNoteRecord>(notes(), caseId);
    },
    async saveNote(note) {
      await notes()
        .doc(note.caseId)
        .set({ data: { ...note } });
    },
    async tally(filter, asked) {
      const sums: Record<string, unknown> = {};
      const keys: { field: string; questionId: string; value: string }[] = [];
      asked.forEach((question, q) => {
        distributionValues(question).forEach((option, v) => {
          const field = `q${q}v${v}`;
          // Scale answers are stored as numbers, choices as their option's value.
          const stored = question.kind === 'scale' ? Number(option.value) : option.value;
          sums[field] = $.sum(
            $.cond({ if: $.eq([`$answers.${question.questionId}`, stored]), then: 1, else: 0 }),
          );
          keys.push({ field, questionId: question.questionId, value: option.value });
        });
      });
      const { list } = await interviews()
        .aggregate()
        .match(match(filter))
        .group({ _id: '$department', respondents: $.sum(1), ...sums })
        .limit(MAX_DEPARTMENTS)
        .end();
      return list.map((row) => {
        const counts: Record<string, Record<string, number>> = {};
        for (const key of keys) {
          const perQuestion = (counts[key.questionId] ??= {});
          perQuestion[key.value] = Number(row[key.field] ?? 0);
        }
        return {
          department: String(row._id ?? ''),
          respondents: Number(row.respondents ?? 0),
          counts,
        };
      });
    },
    async texts(filter, questionIds, limit) {
      if (questionIds.length === 0) return [];
      const fields: Record<string, boolean> = { _id: false };
      for (const id of questionIds) fields[`answers.${id}`] = true;
      const { data } = await interviews().where(match(filter)).field(fields).limit(limit).get();
      return data.map((doc) => {
        const answers = (withoutId<{ answers?: Record<string, unknown> }>(doc).answers ??
          {}) as Record<string, unknown>;
        const texts: Record<string, string> = {};
        for (const id of questionIds) {
          const value = answers[id];
          if (typeof value === 'string' && value.trim()) texts[id] = value;
        }
        return texts;
      });
    },
  };
}
