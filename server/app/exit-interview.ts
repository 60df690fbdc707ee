import type { ActionResult } from '../contract';
import { beijingDate, toInstant } from '../domain/beijing-calendar';
import {
  answersProblem,
  DEFAULT_INTERVIEW,
  distributionValues,
  FREE_TEXT_MIN_RESPONDENTS,
  type InterviewAnswerValue,
  type InterviewQuestion,
  type InterviewQuestionKind,
  type InterviewQuestionnaire,
  interviewAnswerable,
  questionnaireProblem,
} from '../domain/exit-interview';
import { VOCABULARY } from '../domain/vocabulary';
import { actorAs, loadCase } from './case-access';
import type { Handler } from './rpc-handler';
import { fail, ok } from './outcome';
import type { CasesRepository } from './ports/cases.port';
import type { ExitInterviewsRepository, InterviewTally } from './ports/exit-interviews.port';
import type { SettingsRepository } from './ports/settings.port';

export interface ExitInterviewDeps {
  readonly cases: CasesRepository;
  readonly interviews: ExitInterviewsRepository;
  readonly settings: SettingsRepository;
}

const KIND_LABELS: Record<InterviewQuestionKind, string> = VOCABULARY.interviewQuestionKinds;

/** Free-text answers listed per question at most (from as many interviews). */
const MAX_FREE_TEXTS = 200;

type QuestionView = ActionResult<'admin.interviewStats'>['questions'][number];

function questionView(question: InterviewQuestion): QuestionView {
  return {
    questionId: question.questionId,
    kind: question.kind,
    kindLabel: KIND_LABELS[question.kind],
    text: question.text,
    ...(question.options ? { options: question.options.map((o) => ({ ...o })) } : {}),
  };
}

/** The stored questionnaire, or the shipped one while HR has saved none. */
async function currentQuestionnaire(
  interviews: ExitInterviewsRepository,
): Promise<{ questionnaire: InterviewQuestionnaire; stored: boolean }> {
  const stored = await interviews.questionnaire();
  return stored
    ? { questionnaire: stored, stored: true }
    : { questionnaire: DEFAULT_INTERVIEW, stored: false };
}

function distribution(
  questions: readonly InterviewQuestion[],
  tallies: readonly InterviewTally[],
): ActionResult<'admin.interviewStats'>['distribution'] {
  return questions
    .filter((question) => question.kind !== 'text')
    .map((question) => {
      const counts = distributionValues(question).map((option) => ({
        value: option.value,
        label: option.label,
        count: tallies.reduce(
          (sum, tally) => sum + (tally.counts[question.questionId]?.[option.value] ?? 0),
          0,
        ),
      }));
      const answered = counts.reduce((sum, c) => sum + c.count, 0);
      const average =
        question.kind === 'scale'
          ? answered === 0
            ? null
            : Math.round(
                (counts.reduce((sum, c) => sum + Number(c.value) * c.count, 0) / answered) * 10,
              ) / 10
          : undefined;
      return {
        questionId: question.questionId,
        answered,
        counts,
        ...(average !== undefined ? { average } : {}),
      };
    });
}

/**
 * 离职面谈 (issue 17 item 2). Voluntary and never a condition of anything (第37条): these
 * handlers write only the interview collections, never a case, its checklist or its chain.
 * The employee may change their answers until the case ends: it is their own view, and what
 * they add during the formalities is worth as much as a first try; once the case is finished
 * the answers stand, so the statistics of a past period do not move.
 */
export function exitInterviewHandlers(deps: ExitInterviewDeps): {
  'interview.get': Handler<'interview.get'>;
  'interview.submit': Handler<'interview.submit'>;
  'case.interviewNote': Handler<'case.interviewNote'>;
  'admin.interviewQuestionsSave': Handler<'admin.interviewQuestionsSave'>;
  'admin.interviewStats': Handler<'admin.interviewStats'>;
} {
  return {
    async 'interview.get'({ caller }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const { relation, case: caseDoc } = loaded;
      // The owner sees their own answers; HR whether there are any. A manager never.
      const hr = actorAs(caller, relation, 'hr') !== null;
      if (!relation.owner && !hr) {
        return fail('FORBIDDEN', '离职面谈只有员工本人和 HR 可以查看');
      }
      // The questions are the employee's to answer; HR reads the note instead (4 round trips).
      const [current, answered, note] = await Promise.all([
        relation.owner ? currentQuestionnaire(deps.interviews) : Promise.resolve(null),
        deps.interviews.get(caseId),
        hr ? deps.interviews.note(caseId) : Promise.resolve(null),
      ]);
      return ok({
        caseId,
        title: VOCABULARY.interview.title,
        voluntary: VOCABULARY.interview.voluntary,
        canAnswer: relation.owner && interviewAnswerable(caseDoc.state),
        ...(current
          ? {
              version: current.questionnaire.version,
              questions: current.questionnaire.questions.map(questionView),

              answers: answered
                ? Object.entries(answered.answers).map(([questionId, value]) => ({
                    questionId,
                    value,
                  }))
                : [],
              ...(answered ? { submittedAt: answered.submittedAt } : {}),
            }
          : {}),
        ...(hr ? { answered: answered !== null } : {}),
        ...(hr && note ? { note: { text: note.text, at: note.at } } : {}),
      });
    },

    async 'interview.submit'({ caller, now }, { caseId, version, answers }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const { relation, case: caseDoc } = loaded;
      if (!relation.owner) return fail('FORBIDDEN', '只有员工本人可以填写离职面谈');
      if (!interviewAnswerable(caseDoc.state)) {
        return fail('PRECONDITION_FAILED', '离职事项已结束，离职面谈不能再填写或修改', {
          guard: 'interview_open',
        });
      }
      const { questionnaire } = await currentQuestionnaire(deps.interviews);
      if (version !== questionnaire.version) {
        return fail('CONFLICT', '问卷已更新，请刷新后重新填写', {
          version: questionnaire.version,
        });
      }
      const problem = answersProblem(questionnaire, answers);
      if (problem) return fail('VALIDATION_FAILED', problem, { field: 'answers' });
      const submittedAt = toInstant(now);
      const stored: Record<string, InterviewAnswerValue> = {};
      for (const answer of answers) stored[answer.questionId] = answer.value;
      await deps.interviews.save({
        caseId,
        department: caseDoc.employee.department,
        noticeDate: caseDoc.noticeReceivedAt
          ? beijingDate(caseDoc.noticeReceivedAt)
          : beijingDate(now),
        version,
        answers: stored,
        submittedAt,
      });
      return ok({ caseId, submittedAt, answered: answers.length });
    },

    async 'case.interviewNote'({ caller, now }, { caseId, note }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      if (!actorAs(caller, loaded.relation, 'hr')) {
        return fail('FORBIDDEN', '只有 HR 可以记录离职面谈');
      }
      if (loaded.case.state === 'draft') {
        return fail('PRECONDITION_FAILED', '解除通知发出后才能记录离职面谈', {
          guard: 'interview_open',
        });
      }
      const notedAt = toInstant(now);
      await deps.interviews.saveNote({ caseId, text: note, at: notedAt, by: caller.openid });
      return ok({ caseId, notedAt });
    },

    async 'admin.interviewQuestionsSave'({ caller, now }, { baseVersion, questions }) {
      const problem = questionnaireProblem(questions);
      if (problem) return fail('VALIDATION_FAILED', problem, { field: 'questions' });
      const current = await currentQuestionnaire(deps.interviews);
      if (baseVersion !== current.questionnaire.version) {
        return fail(
          'CONFLICT',
          `问卷已被更新到第 ${current.questionnaire.version} 版，请刷新后再编辑`,
          { version: current.questionnaire.version },
        );
      }
      const version = baseVersion + 1;
      const saved = await deps.interviews.saveQuestionnaire(
        {
          version,
          questions: questions.map((q) =>
            q.kind === 'single' ? q : { questionId: q.questionId, kind: q.kind, text: q.text },
          ),
          savedAt: toInstant(now),
          savedBy: caller.employee?.employeeNo ?? caller.openid,
        },
        baseVersion,
        current.stored,
      );
      if (!saved) return fail('CONFLICT', '问卷刚被其他人保存，请刷新后再编辑');
      return ok({ version });
    },

    async 'admin.interviewStats'(_context, payload) {
      const filter = {
        ...(payload.from ? { from: payload.from } : {}),
        ...(payload.to ? { to: payload.to } : {}),
        ...(payload.department ? { department: payload.department } : {}),
      };
      const [{ questionnaire }, settings] = await Promise.all([
        currentQuestionnaire(deps.interviews),
        deps.settings.get(),
      ]);
      const tallies = await deps.interviews.tally(filter, questionnaire.questions);
      const respondents = tallies.reduce((sum, t) => sum + t.respondents, 0);
      const textQuestions = questionnaire.questions
        .filter((q) => q.kind === 'text')
        .map((q) => q.questionId);
      let freeText: ActionResult<'admin.interviewStats'>['freeText'];
      if (!settings.interviewFreeTextInStats) {
        freeText = {
          shown: false,
          reason: '文字回答默认不显示；管理员可在设置中开启（仅以不含姓名的汇总列表显示）',
          answers: [],
        };
      } else if (respondents < FREE_TEXT_MIN_RESPONDENTS) {
        freeText = {
          shown: false,
          reason: `所选范围内不足 ${FREE_TEXT_MIN_RESPONDENTS} 份问卷，为避免识别出个人，文字回答不显示`,
          answers: [],
        };
      } else {
        const docs = await deps.interviews.texts(filter, textQuestions, MAX_FREE_TEXTS);
        freeText = {
          shown: true,
          // Sorted by the words themselves: the order says nothing of who answered when.
          answers: textQuestions.map((questionId) => ({
            questionId,
            texts: docs
              .flatMap((doc) => (doc[questionId] ? [doc[questionId]] : []))
              .sort((a, b) => a.localeCompare(b, 'zh')),
          })),
        };
      }
      return ok({
        version: questionnaire.version,
        questions: questionnaire.questions.map(questionView),
        respondents,
        departments: tallies
          .map((t) => ({ department: t.department, respondents: t.respondents }))
          .sort(
            (a, b) => b.respondents - a.respondents || a.department.localeCompare(b.department),
          ),
        distribution: distribution(questionnaire.questions, tallies),
        freeText,
      });
    },
  };
}
