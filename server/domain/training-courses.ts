import { actsAsHr, type Role } from './roles';

/** Who a course is for (DESIGN §1: employees, managers and HR learn the tool). */
export const AUDIENCES = ['employee', 'manager', 'hr'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  employee: '员工',
  manager: '部门经理',
  hr: 'HR',
};

/** A lesson is read top to bottom: paragraphs, pictures and videos from cloud storage. */
export type LessonBlock =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'image'; readonly fileId: string; readonly caption?: string }
  | { readonly kind: 'video'; readonly fileId: string; readonly caption?: string };

export interface Lesson {
  readonly lessonId: string;
  readonly title: string;
  readonly blocks: readonly LessonBlock[];
}

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionOption {
  readonly optionId: string;
  readonly text: string;
  readonly correct: boolean;
}

/** A quiz question with its key: the key stays on the server until the attempt is submitted. */
export interface Question {
  readonly questionId: string;
  readonly kind: QuestionKind;
  readonly text: string;
  readonly options: readonly QuestionOption[];
  /** Shown after submission: why the right answer is right, naming the rule. */
  readonly explanation: string;
}

export interface Course {
  readonly courseId: string;
  readonly title: string;
  readonly audience: Audience;
  /** Catalogue order within the audience. */
  readonly order: number;
  /** 1 for the course as shipped; each save by HR adds one. A completion names its version. */
  readonly version: number;
  readonly lessons: readonly Lesson[];
  readonly questions: readonly Question[];
}

/**
 * The audiences whose courses a person takes: everyone bound is an employee; managers also
 * learn approval; HR and admins learn the HR side. An admin bound to no one learns as HR.
 */
export function audiencesOf(roles: readonly Role[], isEmployee: boolean): Audience[] {
  const audiences: Audience[] = [];
  if (isEmployee) audiences.push('employee');
  if (roles.includes('manager')) audiences.push('manager');
  if (roles.some(actsAsHr)) audiences.push('hr');
  return audiences;
}

/** Why a course as HR wrote it cannot be saved, or null when it can. */
export function courseProblem(course: Pick<Course, 'lessons' | 'questions'>): string | null {
  const lessonIds = new Set(course.lessons.map((lesson) => lesson.lessonId));
  if (lessonIds.size !== course.lessons.length) return '课时编号重复，请为每个课时使用不同的编号';
  const questionIds = new Set(course.questions.map((question) => question.questionId));
  if (questionIds.size !== course.questions.length) return '题目编号重复，请为每道题使用不同的编号';
  for (const question of course.questions) {
    const optionIds = new Set(question.options.map((option) => option.optionId));
    if (optionIds.size !== question.options.length) {
      return `题目「${question.text}」的选项编号重复`;
    }
    const correct = question.options.filter((option) => option.correct).length;
    if (question.kind === 'truefalse' && question.options.length !== 2) {
      return `判断题「${question.text}」应恰有两个选项（正确、错误）`;
    }
    if (question.kind !== 'multiple' && correct !== 1) {
      return `题目「${question.text}」应恰有一个正确选项`;
    }
    if (question.kind === 'multiple' && correct < 1) {
      return `多选题「${question.text}」至少要有一个正确选项`;
    }
  }
  return null;
}
