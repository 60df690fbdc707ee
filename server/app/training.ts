import { toInstant } from '../domain/beijing-calendar';
import {
  drawQuiz,
  gradeQuiz,
  isMastered,
  questionForLearner,
  type RandomSource,
} from '../domain/quiz';
import { trainingPolicyOf } from '../domain/policy';
import { DEFAULT_COURSES } from '../domain/training-default-courses';
import {
  AUDIENCE_LABELS,
  type Audience,
  audiencesOf,
  type Course,
  courseProblem,
} from '../domain/training-courses';
import type { Caller } from './caller';
import { fail, guardFailed, ok, type Outcome } from './outcome';
import type { Crypto } from './ports/crypto.port';
import type { FileStore } from './ports/file-store.port';
import type { SettingsRepository } from './ports/settings.port';
import type { TrainingCoursesRepository } from './ports/training-courses.port';
import type {
  CourseQuiz,
  QuizAttempt,
  TrainingProgress,
  TrainingProgressRepository,
} from './ports/training-progress.port';
import type { Handler } from './rpc-handler';

/** Attempts kept per course and person: enough for anyone learning, bounded for the document. */
export const MAX_ATTEMPTS_PER_COURSE = 100;

export interface TrainingDeps {
  readonly courses: TrainingCoursesRepository;
  readonly progress: TrainingProgressRepository;
  readonly settings: SettingsRepository;
  readonly files: FileStore;
  readonly crypto: Crypto;
  /** Question and option order; the platform's secure source in production. */
  readonly random: RandomSource;
}

/** Who learns: the employee number, or the OPENID of an admin bound to no one. */
export function learnerIdOf(caller: Caller): string {
  return caller.employee?.employeeNo ?? `openid:${caller.openid}`;
}

function audiencesOfCaller(caller: Caller): Audience[] {
  return audiencesOf(caller.roles, caller.employee !== null);
}

/** The shipped courses, each replaced by HR's saved version where there is one. */
export function currentCourses(stored: readonly Course[]): Course[] {
  const byId = new Map<string, Course>(DEFAULT_COURSES.map((course) => [course.courseId, course]));
  for (const course of stored) byId.set(course.courseId, course);
  const audienceOrder = (audience: Audience) => ['employee', 'manager', 'hr'].indexOf(audience);
  return [...byId.values()].sort(
    (a, b) => audienceOrder(a.audience) - audienceOrder(b.audience) || a.order - b.order,
  );
}

function shippedCourse(courseId: string): Course | null {
  return DEFAULT_COURSES.find((course) => course.courseId === courseId) ?? null;
}

export function emptyProgress(caller: Caller, at: string): TrainingProgress {
  return {
    learnerId: learnerIdOf(caller),
    ...(caller.employee
      ? { employeeNo: caller.employee.employeeNo, department: caller.employee.department }
      : {}),
    lessons: {},
    quizzes: {},
    mastered: false,
    version: 0,
    updatedAt: at,
  };
}

/** The course if the caller's audiences include it; otherwise the failure to answer. */
async function courseForCaller(
  deps: TrainingDeps,
  caller: Caller,
  courseId: string,
): Promise<Outcome<Course>> {
  const course = (await deps.courses.get(courseId)) ?? shippedCourse(courseId);
  if (!course) return fail('NOT_FOUND', '没有这门课程，请返回课程列表刷新');
  if (!audiencesOfCaller(caller).includes(course.audience)) {
    return fail(
      'FORBIDDEN',
      `这门课程面向${AUDIENCE_LABELS[course.audience]}，请学习课程列表中的课程`,
    );
  }
  return ok(course);
}

/** The record with 已掌握 recomputed, and the first time it became true kept. */
export function withMastery(
  caller: Caller,
  courses: readonly Course[],
  progress: TrainingProgress,
  at: string,
): TrainingProgress {
  const mastered = masteredNow(caller, courses, progress);
  return {
    ...progress,
    mastered,
    ...(mastered && !progress.masteredAt ? { masteredAt: at } : {}),
  };
}

export function masteredNow(
  caller: Caller,
  courses: readonly Course[],
  progress: TrainingProgress,
): boolean {
  return isMastered({
    courses,
    audiences: audiencesOfCaller(caller),
    quizzes: progress.quizzes,
    practiceCompleted: progress.practiceCompletedAt !== undefined,
  });
}

const CONFLICT_MESSAGE = '学习记录刚被更新，请重试';

/**
 * Courses and quiz (issue 14): the catalogue of the caller's audiences with their progress,
 * lessons, completion by course version, and quiz attempts whose key stays on the server
 * until the attempt is submitted. HR edits a course with `admin.courseSave` (a new version).
 */
export function trainingHandlers(deps: TrainingDeps): {
  'training.catalog': Handler<'training.catalog'>;
  'training.lesson': Handler<'training.lesson'>;
  'training.complete': Handler<'training.complete'>;
  'training.quizStart': Handler<'training.quizStart'>;
  'training.quizSubmit': Handler<'training.quizSubmit'>;
  'admin.courseSave': Handler<'admin.courseSave'>;
} {
  return {
    async 'training.catalog'({ caller }) {
      const [stored, progress] = await Promise.all([
        deps.courses.list(),
        deps.progress.get(learnerIdOf(caller)),
      ]);
      const audiences = audiencesOfCaller(caller);
      const courses = currentCourses(stored).filter((course) =>
        audiences.includes(course.audience),
      );
      return ok({
        courses: courses.map((course) => {
          const done = progress?.lessons[course.courseId] ?? {};
          const quiz = progress?.quizzes[course.courseId];
          return {
            courseId: course.courseId,
            title: course.title,
            audience: course.audience,
            version: course.version,
            lessons: course.lessons.map((lesson) => ({
              lessonId: lesson.lessonId,
              title: lesson.title,
              done: done[lesson.lessonId] !== undefined,
            })),
            quiz:
              course.questions.length === 0
                ? null
                : { passed: quiz?.passed ?? false, bestScore: quiz?.bestScore ?? 0 },
          };
        }),
        mastered: progress ? masteredNow(caller, courses, progress) : false,
      });
    },

    async 'training.lesson'({ caller }, { courseId, lessonId }) {
      const [found, progress] = await Promise.all([
        courseForCaller(deps, caller, courseId),
        deps.progress.get(learnerIdOf(caller)),
      ]);
      if (!found.ok) return found;
      const course = found.data;
      const lesson = course.lessons.find((candidate) => candidate.lessonId === lessonId);
      if (!lesson) return fail('NOT_FOUND', '这门课程没有这个课时，请返回课程刷新');
      const media = lesson.blocks.flatMap((block) => (block.kind === 'text' ? [] : [block.fileId]));
      const urls = media.length > 0 ? await deps.files.temporaryUrls(media) : {};
      return ok({
        courseId,
        version: course.version,
        lesson: {
          lessonId,
          title: lesson.title,
          blocks: lesson.blocks.map((block) =>
            block.kind === 'text'
              ? { kind: 'text' as const, text: block.text }
              : {
                  kind: block.kind,
                  url: urls[block.fileId] ?? '',
                  ...(block.caption ? { caption: block.caption } : {}),
                },
          ),
        },
        done: progress?.lessons[courseId]?.[lessonId] !== undefined,
      });
    },

    async 'training.complete'({ caller, now }, { courseId, lessonId }) {
      const [found, stored] = await Promise.all([
        courseForCaller(deps, caller, courseId),
        deps.progress.get(learnerIdOf(caller)),
      ]);
      if (!found.ok) return found;
      const course = found.data;
      if (!course.lessons.some((lesson) => lesson.lessonId === lessonId)) {
        return fail('NOT_FOUND', '这门课程没有这个课时，请返回课程刷新');
      }
      const at = toInstant(now);
      const progress = stored ?? emptyProgress(caller, at);
      const done = progress.lessons[courseId]?.[lessonId];
      // Completing it again in the same version changes nothing.
      if (done?.version !== course.version) {
        const saved = await deps.progress.save({
          ...progress,
          lessons: {
            ...progress.lessons,
            [courseId]: {
              ...progress.lessons[courseId],
              [lessonId]: { version: course.version, at },
            },
          },
          updatedAt: at,
        });
        if (!saved) return fail('CONFLICT', CONFLICT_MESSAGE);
      }
      return ok({ courseId, lessonId, version: course.version, done: true });
    },

    async 'training.quizStart'({ caller, now }, { courseId }) {
      const [found, stored] = await Promise.all([
        courseForCaller(deps, caller, courseId),
        deps.progress.get(learnerIdOf(caller)),
      ]);
      if (!found.ok) return found;
      const course = found.data;
      if (course.questions.length === 0) {
        return guardFailed('quiz_exists', '这门课程没有测验，学完课时即可');
      }
      const at = toInstant(now);
      const progress = stored ?? emptyProgress(caller, at);
      const quiz: CourseQuiz = progress.quizzes[courseId] ?? {
        passed: false,
        bestScore: 0,
        attempts: [],
      };
      if (quiz.attempts.length >= MAX_ATTEMPTS_PER_COURSE) {
        return guardFailed(
          'attempts_left',
          `这门课程的测验已做过 ${MAX_ATTEMPTS_PER_COURSE} 次，请联系 HR 线下辅导`,
        );
      }
      const attempt: QuizAttempt = {
        attemptId: deps.crypto.randomCode(20),
        courseId,
        courseVersion: course.version,
        startedAt: at,
        questions: drawQuiz(course.questions, deps.random),
      };
      const saved = await deps.progress.save({
        ...progress,
        quizzes: {
          ...progress.quizzes,
          [courseId]: { ...quiz, audience: course.audience, attempts: [...quiz.attempts, attempt] },
        },
        updatedAt: at,
      });
      if (!saved) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok({
        attemptId: attempt.attemptId,
        questions: attempt.questions.map(questionForLearner),
      });
    },

    async 'training.quizSubmit'({ caller, now }, { attemptId, answers }) {
      const progress = await deps.progress.get(learnerIdOf(caller));
      const courseId = Object.keys(progress?.quizzes ?? {}).find((id) =>
        progress?.quizzes[id]?.attempts.some((attempt) => attempt.attemptId === attemptId),
      );
      const quiz = courseId === undefined ? undefined : progress?.quizzes[courseId];
      const attempt = quiz?.attempts.find((candidate) => candidate.attemptId === attemptId);
      if (!progress || courseId === undefined || !quiz || !attempt) {
        return fail('NOT_FOUND', '没有这次测验，请重新开始测验');
      }
      if (attempt.submittedAt !== undefined) {
        return guardFailed('attempt_open', '这次测验已经提交过，请重新开始一次测验');
      }
      const [{ policy }, stored] = await Promise.all([deps.settings.get(), deps.courses.list()]);
      const grade = gradeQuiz(attempt.questions, answers, trainingPolicyOf(policy).passMark);
      const at = toInstant(now);
      const submitted: QuizAttempt = {
        ...attempt,
        submittedAt: at,
        answers: answers.map((answer) => ({
          questionId: answer.questionId,
          optionIds: [...answer.optionIds],
        })),
        score: grade.score,
        passed: grade.passed,
      };
      const next: TrainingProgress = {
        ...progress,
        quizzes: {
          ...progress.quizzes,
          [courseId]: {
            ...(quiz.audience ? { audience: quiz.audience } : {}),
            passed: quiz.passed || grade.passed,
            bestScore: Math.max(quiz.bestScore, grade.score),
            attempts: quiz.attempts.map((candidate) =>
              candidate.attemptId === attemptId ? submitted : candidate,
            ),
          },
        },
        updatedAt: at,
      };
      const courses = currentCourses(stored);
      const saved = await deps.progress.save(withMastery(caller, courses, next, at));
      if (!saved) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok(grade);
    },

    async 'admin.courseSave'({ caller, now }, payload) {
      const problem = courseProblem(payload);
      if (problem) return fail('VALIDATION_FAILED', problem, { field: 'questions' });
      const stored = await deps.courses.get(payload.courseId);
      const current = stored ?? shippedCourse(payload.courseId);
      const currentVersion = current?.version ?? 0;
      if (payload.baseVersion !== currentVersion) {
        return fail('CONFLICT', `课程已被更新到第 ${currentVersion} 版，请刷新后再编辑`, {
          version: currentVersion,
        });
      }
      const version = currentVersion + 1;
      const saved = await deps.courses.save(
        {
          courseId: payload.courseId,
          title: payload.title,
          audience: payload.audience,
          order: current?.order ?? 100,
          version,
          lessons: payload.lessons,
          questions: payload.questions,
          savedAt: toInstant(now),
          savedBy: caller.employee?.employeeNo ?? caller.openid,
        },
        currentVersion,
        stored !== null,
      );
      if (!saved) return fail('CONFLICT', '课程刚被其他人保存，请刷新后再编辑');
      return ok({ courseId: payload.courseId, version });
    },
  };
}
