import type { Course } from '../../domain/training-courses';

/** A course as HR saved it (`training_courses`, `_id` = course id). */
export interface StoredCourse extends Course {
  readonly savedAt: string;
  readonly savedBy: string;
}

export interface TrainingCoursesRepository {
  /** Every saved course; the shipped ones that nobody saved are not stored. */
  list(): Promise<StoredCourse[]>;
  get(courseId: string): Promise<StoredCourse | null>;
  /**
   * Stores `course` (its `version` one above `baseVersion`) only if the stored one is still at
   * `baseVersion` (nothing stored counts as the shipped version, or 0 for a new course), and
   * keeps it in the version history; false when someone saved first.
   */
  save(course: StoredCourse, baseVersion: number, stored: boolean): Promise<boolean>;
}
