import type { ActionPayload, ActionResult } from '../../server/contract';
import { VOCABULARY } from '../generated/vocabulary';
import type { CaseView } from './case-summary';
import { formatInstant } from './beijing-time';

/** The case page's card for the employee: 离职面谈（自愿）, 自愿填写，不影响任何离职手续. */
export const INTERVIEW_CARD = VOCABULARY.interview;

/** States in which the employee may answer: after submitting, until the case ends. */
const ANSWERABLE = ['submitted', 'returned', 'hr_review', 'formalities'];

/** The card shows to the employee of the case while their departure is under way. */
export function offersInterview(view: CaseView, isOwner: boolean): boolean {
  return isOwner && ANSWERABLE.includes(view.case.state);
}

type Interview = ActionResult<'interview.get'>;
type Question = NonNullable<Interview['questions']>[number];

/** The employee's answers while they fill in: question id → option value, 1–5 or words. */
export type Draft = Record<string, string | number>;

export interface ChoiceView {
  value: string;
  label: string;
  on: boolean;
}

export interface QuestionFormView {
  questionId: string;
  kind: Question['kind'];
  title: string;
  kindLabel: string;
  /** Single choice and scale: the chips to tap. */
  choices: ChoiceView[];
  /** Free text: what is typed so far. */
  text: string;
}

const SCALE = [1, 2, 3, 4, 5];

/** The draft the page starts from: the employee's saved answers. */
export function draftOf(interview: Interview): Draft {
  const draft: Draft = {};
  for (const answer of interview.answers ?? []) draft[answer.questionId] = answer.value;
  return draft;
}

export function questionForms(interview: Interview, draft: Draft): QuestionFormView[] {
  return (interview.questions ?? []).map((question, index) => {
    const current = draft[question.questionId];
    const choices: ChoiceView[] =
      question.kind === 'single'
        ? (question.options ?? []).map((o) => ({
            value: o.value,
            label: o.label,
            on: current === o.value,
          }))
        : question.kind === 'scale'
          ? SCALE.map((n) => ({ value: String(n), label: `${n}分`, on: current === n }))
          : [];
    return {
      questionId: question.questionId,
      kind: question.kind,
      title: `${index + 1}. ${question.text}`,
      kindLabel: question.kind === 'scale' ? '1 分最低，5 分最高' : question.kindLabel,
      choices,
      text: question.kind === 'text' && typeof current === 'string' ? current : '',
    };
  });
}

/** A tap on a chip: the chosen value, or none when the chosen one is tapped again. */
export function withChoice(
  interview: Interview,
  draft: Draft,
  questionId: string,
  value: string,
): Draft {
  const question = (interview.questions ?? []).find((q) => q.questionId === questionId);
  if (!question) return draft;
  const chosen = question.kind === 'scale' ? Number(value) : value;
  const { [questionId]: previous, ...rest } = draft;
  return previous === chosen ? rest : { ...rest, [questionId]: chosen };
}

export function withText(draft: Draft, questionId: string, text: string): Draft {
  const { [questionId]: _previous, ...rest } = draft;
  return text.trim() ? { ...rest, [questionId]: text } : rest;
}

/** What `interview.submit` sends: the questions answered, in the questionnaire's order. */
export function submission(
  caseId: string,
  interview: Interview,
  draft: Draft,
): ActionPayload<'interview.submit'> {
  return {
    caseId,
    version: interview.version ?? 1,
    answers: (interview.questions ?? [])
      .filter((q) => draft[q.questionId] !== undefined)
      .map((q) => {
        const value = draft[q.questionId] as string | number;
        return {
          questionId: q.questionId,
          value: typeof value === 'string' ? value.trim() : value,
        };
      }),
  };
}

/** Under the title: whether and when the employee answered. */
export function submittedNote(interview: Interview): string {
  return interview.submittedAt ? `已于 ${formatInstant(interview.submittedAt)} 提交，可修改` : '';
}

type InterviewStats = ActionResult<'admin.interviewStats'>;

export interface DistributionRowView {
  label: string;
  count: number;
  /** `40%` of those who answered the question. */
  share: string;
  /** The bar's width in percent. */
  width: number;
}

export interface QuestionStatsView {
  questionId: string;
  title: string;
  /** `12 人回答 · 平均 3.8 分`. */
  summary: string;
  rows: DistributionRowView[];
  /** Free text (only where the server lists it). */
  texts: string[];
}

export interface InterviewStatsView {
  respondents: string;
  departments: { department: string; label: string }[];
  questions: QuestionStatsView[];
  /** Why no free text is listed ('' when it is). */
  freeTextNote: string;
}

/** The statistics page: counts per answer, free text as a list without names. */
export function interviewStatsView(stats: InterviewStats): InterviewStatsView {
  const texts = new Map(stats.freeText.answers.map((a) => [a.questionId, a.texts]));
  return {
    respondents: `共 ${stats.respondents} 份问卷`,
    departments: stats.departments.map((d) => ({
      department: d.department,
      label: `${d.department} ${d.respondents}`,
    })),
    questions: stats.questions.map((question, index) => {
      const title = `${index + 1}. ${question.text}`;
      const counted = stats.distribution.find((d) => d.questionId === question.questionId);
      if (!counted) {
        const listed = texts.get(question.questionId) ?? [];
        return {
          questionId: question.questionId,
          title,
          summary: stats.freeText.shown ? `${listed.length} 条文字回答` : '文字回答',
          rows: [],
          texts: listed,
        };
      }
      const average =
        counted.average === undefined || counted.average === null
          ? ''
          : ` · 平均 ${counted.average} 分`;
      return {
        questionId: question.questionId,
        title,
        summary: `${counted.answered} 人回答${average}`,
        rows: counted.counts.map((c) => {
          const part = counted.answered === 0 ? 0 : c.count / counted.answered;
          return {
            label: c.label,
            count: c.count,
            share: `${Math.round(part * 100)}%`,
            width: Math.round(part * 100),
          };
        }),
        texts: [],
      };
    }),
    freeTextNote: stats.freeText.shown ? '' : (stats.freeText.reason ?? ''),
  };
}

/** HR's view of one case: whether the employee answered (the answers are only in the statistics). */
export function hrAnsweredText(interview: Interview): string {
  if (interview.answered === undefined) return '';
  return interview.answered
    ? '员工已填写问卷（回答只在离职面谈统计中汇总显示）'
    : '员工尚未填写问卷（自愿，无需催促）';
}

/** One question as HR edits it: options as one label a line (single choice only). */
export interface EditorQuestion {
  questionId: string;
  kind: Question['kind'];
  kindLabel: string;
  text: string;
  optionsText: string;
  /** The stored values of the options, by position: kept so earlier answers still count. */
  optionValues: string[];
}

export const KIND_CHOICES: { kind: Question['kind']; label: string }[] = [
  { kind: 'single', label: VOCABULARY.interviewQuestionKinds.single },
  { kind: 'scale', label: VOCABULARY.interviewQuestionKinds.scale },
  { kind: 'text', label: VOCABULARY.interviewQuestionKinds.text },
];

export function editorQuestions(stats: InterviewStats): EditorQuestion[] {
  return stats.questions.map((q) => ({
    questionId: q.questionId,
    kind: q.kind,
    kindLabel: q.kindLabel,
    text: q.text,
    optionsText: (q.options ?? []).map((o) => o.label).join('\n'),
    optionValues: (q.options ?? []).map((o) => o.value),
  }));
}

/** A new question of a kind, with an id no other question has. */
export function newQuestion(kind: Question['kind'], existing: EditorQuestion[]): EditorQuestion {
  const taken = new Set(existing.map((q) => q.questionId));
  let n = existing.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  const label = KIND_CHOICES.find((c) => c.kind === kind)?.label ?? '';
  return {
    questionId: `q${n}`,
    kind,
    kindLabel: label,
    text: '',
    optionsText: '',
    optionValues: [],
  };
}

/** What `admin.interviewQuestionsSave` sends; the server judges what is missing. */
export function savePayload(
  baseVersion: number,
  questions: EditorQuestion[],
): ActionPayload<'admin.interviewQuestionsSave'> {
  return {
    baseVersion,
    questions: questions.map((q) => {
      const base = { questionId: q.questionId, kind: q.kind, text: q.text.trim() };
      if (q.kind !== 'single') return base;
      const labels = q.optionsText
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      const used = new Set<string>();
      const options = labels.map((label, i) => {
        let value = q.optionValues[i] ?? `o${i + 1}`;
        let n = i + 1;
        while (used.has(value)) {
          n += 1;
          value = `o${n}`;
        }
        used.add(value);
        return { value, label };
      });
      return { ...base, options };
    }),
  };
}
