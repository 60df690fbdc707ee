import { addDays, beijingDate, beijingTime, toInstant } from '../domain/beijing-calendar';
import { gradeQuiz } from '../domain/quiz';
import { type Audience, audiencesOf } from '../domain/training-courses';
import { type CaseFacts, caseGroup, splitByMastery } from '../domain/training-effect';
import { ok } from './outcome';
import type { TrainingProgress, TrainingProgressRepository } from './ports/training-progress.port';
import type { TrainingStatsQueries } from './ports/training-stats.port';
import type { WorkshopsRepository } from './ports/workshops.port';
import type { Handler } from './rpc-handler';

/** More people, learners and cases than one read returns at most (the platform's 1,000). */
export const TRAINING_STATS_LIMIT = 1000;
/** The most-missed questions listed. */
export const MOST_MISSED_SHOWN = 10;

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 1000;
}

function missedQuestions(records: readonly TrainingProgress[], from: string, to: string) {
  const scores: number[] = [];
  const tally = new Map<
    string,
    { courseId: string; questionId: string; text: string; missed: number; answered: number }
  >();
  for (const record of records) {
    for (const [courseId, quiz] of Object.entries(record.quizzes)) {
      for (const attempt of quiz.attempts) {
        if (attempt.submittedAt === undefined || attempt.score === undefined) continue;
        const day = beijingDate(new Date(attempt.submittedAt));
        if (day < from || day > to) continue;
        scores.push(attempt.score);
        const { results } = gradeQuiz(attempt.questions, attempt.answers ?? [], 0);
        for (const [i, result] of results.entries()) {
          const key = `${courseId}/${result.questionId}`;
          const row = tally.get(key) ?? {
            courseId,
            questionId: result.questionId,
            text: attempt.questions[i]?.text ?? '',
            missed: 0,
            answered: 0,
          };
          tally.set(key, {
            ...row,
            missed: row.missed + (result.correct ? 0 : 1),
            answered: row.answered + 1,
          });
        }
      }
    }
  }
  const avgScore =
    scores.length === 0
      ? null
      : Math.round((10 * scores.reduce((sum, score) => sum + score, 0)) / scores.length) / 10;
  const mostMissed = [...tally.values()]
    .filter((row) => row.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.answered - a.missed / a.answered)
    .slice(0, MOST_MISSED_SHOWN);
  return { avgScore, mostMissed };
}

/**
 * `admin.trainingStats` (issue 14): mastery by department and audience, quiz scores and the
 * most-missed questions, and whether training pays off on this company's own resignations —
 * the share finishing formalities on time and the median days to sign, for people 已掌握 when
 * they gave notice against the others, overall and per month; and each workshop of the window
 * with its enrolled and attended. Five reads, all at once after the caller's: the roster, the
 * learners' records, the window's resignations and its workshops.
 */
export function trainingStatsHandlers(deps: {
  readonly queries: TrainingStatsQueries;
  readonly progress: TrainingProgressRepository;
  readonly workshops: WorkshopsRepository;
}): { 'admin.trainingStats': Handler<'admin.trainingStats'> } {
  return {
    async 'admin.trainingStats'({ now }, payload) {
      const today = beijingDate(now);
      const to = payload.to ?? (payload.from && payload.from > today ? payload.from : today);
      const from = payload.from ?? addDays(to, -365);
      const [roster, records, cases, workshops] = await Promise.all([
        deps.queries.roster(TRAINING_STATS_LIMIT),
        deps.progress.list(TRAINING_STATS_LIMIT),
        deps.queries.resignationsNoticed(from, to, TRAINING_STATS_LIMIT),
        deps.workshops.startedBetween(
          toInstant(beijingTime(from, 0)),
          toInstant(beijingTime(addDays(to, 1), 0)),
          TRAINING_STATS_LIMIT,
        ),
      ]);
      const byLearner = new Map(records.map((record) => [record.learnerId, record]));
      const groups = new Map<
        string,
        { department: string; audience: Audience; people: number; mastered: number }
      >();
      let mastered = 0;
      for (const person of roster) {
        const isMastered = byLearner.get(person.employeeNo)?.mastered === true;
        if (isMastered) mastered += 1;
        for (const audience of audiencesOf(person.roles, true)) {
          const key = `${person.department}\n${audience}`;
          const group = groups.get(key) ?? {
            department: person.department,
            audience,
            people: 0,
            mastered: 0,
          };
          groups.set(key, {
            ...group,
            people: group.people + 1,
            mastered: group.mastered + (isMastered ? 1 : 0),
          });
        }
      }
      const masteredAt = (employeeNo: string) => byLearner.get(employeeNo)?.masteredAt;
      const compare = (facts: readonly CaseFacts[]) => {
        const split = splitByMastery(facts, masteredAt);
        return { trained: caseGroup(split.trained), untrained: caseGroup(split.untrained) };
      };
      const months = [...new Set(cases.map((c) => c.noticeDate.slice(0, 7)))].sort();
      return ok({
        from,
        to,
        masteryRate: rate(mastered, roster.length),
        byDepartment: [...groups.values()]
          .sort(
            (a, b) =>
              a.department.localeCompare(b.department, 'zh') ||
              a.audience.localeCompare(b.audience),
          )
          .map((group) => ({ ...group, rate: rate(group.mastered, group.people) })),
        ...missedQuestions(records, from, to),
        comparison: compare(cases),
        monthly: months.map((month) => ({
          month,
          ...compare(cases.filter((c) => c.noticeDate.startsWith(month))),
        })),
        workshops: workshops.map((workshop) => ({
          workshopId: workshop.workshopId,
          title: workshop.title,
          startsAt: workshop.startsAt,
          enrolled: workshop.seats.length,
          attended: workshop.seats.filter((seat) => seat.attendedAt !== undefined).length,
        })),
      });
    },
  };
}
