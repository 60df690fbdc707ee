import type { CalendarDate, Instant } from '../../domain/beijing-calendar';

/** The daily anchor's marker: one document per Beijing date, so each day is written once. */
export interface AnchorMarker {
  readonly date: CalendarDate;
  readonly status: 'writing' | 'done';
  readonly at: Instant;
  readonly fileId?: string;
  readonly cases?: number;
}

export interface AnchorMarkersRepository {
  get(date: CalendarDate): Promise<AnchorMarker | null>;
  /** The finished markers among these dates, in one read (`case.evidence` checks their files). */
  listDone(dates: readonly CalendarDate[]): Promise<AnchorMarker[]>;
  /** Adds the marker; false when the date has one already. */
  claim(marker: AnchorMarker): Promise<boolean>;
  /** Re-takes a marker left `writing` since `at` (a crashed run); false if another run did. */
  retake(date: CalendarDate, at: Instant, now: Instant): Promise<boolean>;
  complete(date: CalendarDate, patch: Pick<AnchorMarker, 'fileId' | 'cases' | 'at'>): Promise<void>;
}
