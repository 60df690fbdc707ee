import type {
  InterviewAnswerValue,
  InterviewQuestion,
  InterviewQuestionnaire,
} from '../../domain/exit-interview';

/** The questionnaire HR saved (`interview_questions`, `_id` = `current`). */
export interface StoredQuestionnaire extends InterviewQuestionnaire {
  readonly savedAt: string;
  readonly savedBy: string;
}

/**
 * One employee's answers (`exit_interviews`, `_id` = case id): apart from the case and its audit
 * chain. The department and notice date are copied for the statistics; no name is kept.
 */
export interface ExitInterviewRecord {
  readonly caseId: string;
  readonly department: string;
  readonly noticeDate: string;
  /** The questionnaire version answered. */
  readonly version: number;
  /** Question id → the answer. */
  readonly answers: Readonly<Record<string, InterviewAnswerValue>>;
  readonly submittedAt: string;
}

/** HR's note of an in-person interview (`interview_notes`, `_id` = case id). */
export interface InterviewNoteRecord {
  readonly caseId: string;
  readonly text: string;
  readonly at: string;
  /** The HR's OPENID. */
  readonly by: string;
}

export interface InterviewFilter {
  readonly from?: string;
  readonly to?: string;
  readonly department?: string;
}

/** One department's interviews counted: respondents and, per question, per value. */
export interface InterviewTally {
  readonly department: string;
  readonly respondents: number;
  /** Question id → value → how many chose it. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface ExitInterviewsRepository {
  /** The saved questionnaire, or null while the shipped one stands. */
  questionnaire(): Promise<StoredQuestionnaire | null>;
  /**
   * Stores the questionnaire only if the stored one is still at `baseVersion` (nothing stored
   * counts as the shipped version); false when someone saved first.
   */
  saveQuestionnaire(
    questionnaire: StoredQuestionnaire,
    baseVersion: number,
    stored: boolean,
  ): Promise<boolean>;
  get(caseId: string): Promise<ExitInterviewRecord | null>;
  /** Writes the employee's answers, replacing earlier ones. */
  save(record: ExitInterviewRecord): Promise<void>;
  note(caseId: string): Promise<InterviewNoteRecord | null>;
  saveNote(note: InterviewNoteRecord): Promise<void>;
  /** One aggregation: the interviews of the filter, per department, counted per answer. */
  tally(
    filter: InterviewFilter,
    questions: readonly InterviewQuestion[],
  ): Promise<InterviewTally[]>;
  /** The free-text answers of the filter to these questions, at most `limit` interviews. */
  texts(
    filter: InterviewFilter,
    questionIds: readonly string[],
    limit: number,
  ): Promise<Record<string, string>[]>;
}
