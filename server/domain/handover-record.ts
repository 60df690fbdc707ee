/**
 * The named successors (交接人) and the handover items assigned to them, as a case stores them;
 * apart from the rules in handover-successors.ts so the case record can name them without a cycle.
 */
import { type Instant } from './beijing-calendar';

export const HANDOVER_ITEM_STATUSES = ['pending', 'confirmed', 'disputed'] as const;
export type HandoverItemStatus = (typeof HANDOVER_ITEM_STATUSES)[number];

/** A colleague the manager (or HR) named to take over the leaver's work. */
export interface Successor {
  readonly employeeNo: string;
  readonly name: string;
  /** Their binding when named: where the subscription message goes. */
  readonly openid?: string;
}

/** One line of the handover list, assigned to one successor. */
export interface HandoverItem {
  readonly itemId: string;
  readonly text: string;
  readonly successorNo: string;
  readonly status: HandoverItemStatus;
  /** When it was last confirmed or disputed, and by whom (OPENID). */
  readonly at?: Instant;
  readonly by?: string;
  /** The successor's objection (a dispute). */
  readonly comment?: string;
  /** A note with the confirmation: required when the manager or HR confirmed it for them. */
  readonly note?: string;
  /** Confirmed by the manager or HR on the successor's behalf. */
  readonly onBehalf?: true;
}

/** The current assignment: every naming replaces the previous one and counts a round. */
export interface Handover {
  readonly round: number;
  readonly assignedAt: Instant;
  readonly assignedBy: string;
  readonly successors: readonly Successor[];
  readonly items: readonly HandoverItem[];
}
