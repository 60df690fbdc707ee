import type { PracticeRun, PracticeStep } from '../../domain/practice-run';
import type { Audience, Question } from '../../domain/training-courses';

/** One quiz attempt: the questions in the order and with the options this attempt drew. */
export interface QuizAttempt {
  readonly attemptId: string;
  readonly courseId: string;
  readonly courseVersion: number;
  readonly startedAt: string;
  /** With their key: this document never leaves the server. */
  readonly questions: readonly Question[];
  readonly submittedAt?: string;
  readonly answers?: readonly {
    readonly questionId: string;
    readonly optionIds: readonly string[];
  }[];
  readonly score?: number;
  readonly passed?: boolean;
}

export interface CourseQuiz {
  /** The course's audience when the quiz was taken: an HR proposal needs an HR course passed. */
  readonly audience?: Audience;
  readonly passed: boolean;
  readonly bestScore: number;
  /** Every attempt, oldest first. */
  readonly attempts: readonly QuizAttempt[];
}

/** A lesson read to the end, naming the course version it was read in. */
export interface LessonCompletion {
  readonly version: number;
  readonly at: string;
}

/**
 * One learner's training (`training_progress`, `_id` = the learner: the employee number, or
 * `openid:<OPENID>` for an admin bound to no one).
 */
export interface TrainingProgress {
  readonly learnerId: string;
  readonly employeeNo?: string;
  readonly department?: string;
  /** Course id → lesson id → completion. */
  readonly lessons: Readonly<Record<string, Readonly<Record<string, LessonCompletion>>>>;
  /** Course id → quiz record. */
  readonly quizzes: Readonly<Record<string, CourseQuiz>>;
  /** The practice in progress (模拟离职流程): its sandbox case lives here, never in `cases`. */
  readonly practice?: PracticeRun;
  readonly practiceCompletedAt?: string;
  /** What is kept of a finished practice once its sandbox case is deleted. */
  readonly practiceResult?: {
    readonly practiceId: string;
    readonly completedAt: string;
    readonly steps: readonly PracticeStep[];
  };
  /** 已掌握, as of the last change. */
  readonly mastered: boolean;
  /** When the person first became 已掌握 (the effectiveness comparison asks: before the notice?). */
  readonly masteredAt?: string;
  /** 0 until first stored. */
  readonly version: number;
  readonly updatedAt: string;
}

export interface TrainingProgressRepository {
  get(learnerId: string): Promise<TrainingProgress | null>;
  /**
   * Writes `progress` only if the stored one is still at `progress.version` (0: none stored),
   * bumping the version; false when it changed underneath.
   */
  save(progress: TrainingProgress): Promise<boolean>;
  /** Every learner's record, for the statistics (at most `limit`). */
  list(limit: number): Promise<TrainingProgress[]>;
}
