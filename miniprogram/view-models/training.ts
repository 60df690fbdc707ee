import type { ActionResult, Audience, PracticeNode, QuestionKind } from '../../server/contract';
import { formatInstant } from './beijing-time';

type Catalog = ActionResult<'training.catalog'>;
type Course = Catalog['courses'][number];
type Question = ActionResult<'training.quizStart'>['questions'][number];
type Grade = ActionResult<'training.quizSubmit'>;

export const AUDIENCE_LABELS: Record<Audience, string> = {
  employee: '员工课程',
  manager: '经理课程',
  hr: 'HR 课程',
};

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  truefalse: '判断',
};

export interface CourseCard {
  courseId: string;
  title: string;
  audience: string;
  lessons: { lessonId: string; title: string; done: boolean }[];
  /** 已学 1/2 课时 */
  progress: string;
  hasQuiz: boolean;
  /** 测验已通过（最高 100 分） / 测验未通过（最高 50 分） / 尚未测验 */
  quiz: string;
  quizPassed: boolean;
}

function quizText(quiz: Course['quiz']): string {
  if (!quiz) return '';
  if (quiz.passed) return `测验已通过（最高 ${quiz.bestScore} 分）`;
  return quiz.bestScore > 0 ? `测验未通过（最高 ${quiz.bestScore} 分）` : '尚未通过测验';
}

export function courseCards(catalog: Catalog): CourseCard[] {
  return catalog.courses.map((course) => ({
    courseId: course.courseId,
    title: course.title,
    audience: AUDIENCE_LABELS[course.audience],
    lessons: course.lessons.map((lesson) => ({ ...lesson })),
    progress: `已学 ${course.lessons.filter((lesson) => lesson.done).length}/${course.lessons.length} 课时`,
    hasQuiz: course.quiz !== null,
    quiz: quizText(course.quiz),
    quizPassed: course.quiz?.passed === true,
  }));
}

/** One line for 我的: how far the person is, or 已掌握. */
export function trainingSummary(catalog: Catalog): string {
  if (catalog.mastered) return '已掌握';
  const lessons = ([] as Course['lessons']).concat(
    ...catalog.courses.map((course) => course.lessons),
  );
  const quizzes = catalog.courses.filter((course) => course.quiz !== null);
  const passed = quizzes.filter((course) => course.quiz?.passed).length;
  return `已学 ${lessons.filter((lesson) => lesson.done).length}/${lessons.length} 课时 · 测验通过 ${passed}/${quizzes.length}`;
}

/** Question id → the option ids chosen so far. */
export type Choices = Record<string, string[]>;

/** A tap on an option: single choice and true/false replace, multiple choice toggles. */
export function choose(
  choices: Choices,
  kind: QuestionKind,
  questionId: string,
  optionId: string,
): Choices {
  const current = choices[questionId] ?? [];
  if (kind !== 'multiple') return { ...choices, [questionId]: [optionId] };
  const next = current.includes(optionId)
    ? current.filter((id) => id !== optionId)
    : [...current, optionId];
  return { ...choices, [questionId]: next };
}

export interface QuestionRow {
  questionId: string;
  number: number;
  kind: QuestionKind;
  kindLabel: string;
  text: string;
  options: { optionId: string; text: string; chosen: boolean }[];
}

export function questionRows(questions: readonly Question[], choices: Choices): QuestionRow[] {
  return questions.map((question, i) => ({
    questionId: question.questionId,
    number: i + 1,
    kind: question.kind,
    kindLabel: QUESTION_KIND_LABELS[question.kind],
    text: question.text,
    options: question.options.map((option) => ({
      ...option,
      chosen: (choices[question.questionId] ?? []).includes(option.optionId),
    })),
  }));
}

export function unansweredCount(questions: readonly Question[], choices: Choices): number {
  return questions.filter((question) => (choices[question.questionId] ?? []).length === 0).length;
}

export interface ResultRow {
  questionId: string;
  number: number;
  text: string;
  correct: boolean;
  /** 正确答案：3 天 */
  answer: string;
  explanation: string;
}

export function resultRows(questions: readonly Question[], grade: Grade): ResultRow[] {
  return questions.map((question, i) => {
    const result = grade.results.find((candidate) => candidate.questionId === question.questionId);
    const right = question.options
      .filter((option) => result?.correctOptionIds.includes(option.optionId))
      .map((option) => option.text);
    return {
      questionId: question.questionId,
      number: i + 1,
      text: question.text,
      correct: result?.correct ?? false,
      answer: `正确答案：${right.join('、')}`,
      explanation: result?.explanation ?? '',
    };
  });
}

/** 得分 88 分，通过 / 得分 50 分，未通过：至少 80 分 — what the result heading says. */
export function gradeHeadline(grade: Grade): string {
  return grade.passed
    ? `得分 ${grade.score} 分，测验通过`
    : `得分 ${grade.score} 分，未通过：请复习课时后再测一次`;
}

export const PRACTICE_NODE_LABELS: Record<PracticeNode, string> = {
  start: '开始练习',
  submitted: '提交离职',
  handover: '上传交接清单',
  approved: '经理审批（系统扮演）',
  confirmed: 'HR确认（系统扮演）',
  signed: '签署辞职书',
  completed: '完成归档',
};

/** What the learner does next at each node; empty when the system or nobody acts. */
export const PRACTICE_NEXT: Record<PracticeNode, string> = {
  start: '第一步：像真实离职一样提交离职通知。',
  submitted: '第二步：上传一份示例工作交接清单（聊天里的文件或纸质清单的照片）。',
  handover: '',
  approved: '',
  confirmed: '第三步：阅读辞职书，勾选同意后手写签名。',
  signed: '最后一步：点「完成练习」，练习案件将被删除，结果会保存。',
  completed: '',
};

export interface PracticeStepRow {
  node: PracticeNode;
  label: string;
  explanation: string;
}

export function practiceStepRows(
  steps: readonly { node: PracticeNode; explanation: string }[],
): PracticeStepRow[] {
  return steps.map((step) => ({
    node: step.node,
    label: PRACTICE_NODE_LABELS[step.node],
    explanation: step.explanation,
  }));
}

type ListedProposal = ActionResult<'training.proposals'>['proposals'][number];

const DECISION_LABELS = { accept: '接受', return: '退回修改', adopt: '采纳' } as const;

export interface ProposalCard {
  proposalId: string;
  title: string;
  author: string;
  status: ListedProposal['status'];
  statusLabel: string;
  text: string;
  /** 第 2 轮 · 附件 1 个 */
  meta: string;
  /** Earlier rounds and reviews, oldest first: 第 1 轮「…」：退回修改 — 请补充… */
  history: string[];
}

export function proposalCards(proposals: readonly ListedProposal[]): ProposalCard[] {
  return proposals.map((proposal) => {
    const latest = proposal.rounds[proposal.rounds.length - 1];
    return {
      proposalId: proposal.proposalId,
      title: latest?.title ?? '',
      author: `${proposal.authorName} · ${proposal.department}`,
      status: proposal.status,
      statusLabel: proposal.statusLabel,
      text: latest?.text ?? '',
      meta: `第 ${latest?.round ?? 1} 轮 · 附件 ${latest?.attachmentCount ?? 0} 个`,
      history: proposal.rounds
        .filter((round) => round.review)
        .map(
          (round) =>
            `第 ${round.round} 轮「${round.title}」：${round.review ? DECISION_LABELS[round.review.decision] : ''}${round.review?.comment ? ` — ${round.review.comment}` : ''}`,
        ),
    };
  });
}

type TrainingStats = ActionResult<'admin.trainingStats'>;
type CaseGroup = TrainingStats['comparison']['trained'];

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

function days(value: number | null): string {
  return value === null ? '—' : `${value} 天`;
}

export interface GroupRow {
  label: string;
  cases: string;
  onTime: string;
  toSign: string;
}

function groupRow(label: string, group: CaseGroup): GroupRow {
  return {
    label,
    cases: `${group.cases} 件`,
    onTime: percent(group.onTimeShare),
    toSign: days(group.medianDaysToSign),
  };
}

export interface TrainingStatsView {
  period: string;
  masteryRate: string;
  avgScore: string;
  comparison: GroupRow[];
  departments: { key: string; label: string; value: string }[];
  missed: { key: string; text: string; value: string }[];
  monthly: { month: string; trained: string; untrained: string }[];
  /** 线下 workshop: each session of the window with its attendance. */
  workshops: { key: string; title: string; value: string }[];
}

/** The statistics as the page shows them: percentages, days, and one line per row. */
export function trainingStatsView(stats: TrainingStats): TrainingStatsView {
  return {
    period: `${stats.from} 至 ${stats.to} 提交的离职`,
    masteryRate: percent(stats.masteryRate),
    avgScore: stats.avgScore === null ? '—' : `${stats.avgScore} 分`,
    comparison: [
      groupRow('已掌握', stats.comparison.trained),
      groupRow('未掌握', stats.comparison.untrained),
    ],
    departments: stats.byDepartment.map((row) => ({
      key: `${row.department}-${row.audience}`,
      label: `${row.department} · ${AUDIENCE_LABELS[row.audience]}`,
      value: `${row.mastered}/${row.people} 人 · ${percent(row.rate)}`,
    })),
    missed: stats.mostMissed.map((row) => ({
      key: `${row.courseId}-${row.questionId}`,
      text: row.text,
      value: `答错 ${row.missed}/${row.answered} 次`,
    })),
    monthly: stats.monthly.map((row) => ({
      month: row.month,
      trained: `已掌握 ${row.trained.cases} 件，按时 ${percent(row.trained.onTimeShare)}`,
      untrained: `未掌握 ${row.untrained.cases} 件，按时 ${percent(row.untrained.onTimeShare)}`,
    })),
    workshops: stats.workshops.map((row) => ({
      key: row.workshopId,
      title: `${row.title}（${formatInstant(row.startsAt).slice(0, 10)}）`,
      value: `签到 ${row.attended}/${row.enrolled} 人`,
    })),
  };
}
