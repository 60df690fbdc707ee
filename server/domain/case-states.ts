import { VOCABULARY } from './vocabulary';

/** Every state a case can be in (DESIGN §3 "States and events"). */
export const STATES = [
  'draft',
  'submitted',
  'returned',
  'hr_review',
  'formalities',
  'completed',
  'withdrawn',
] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = VOCABULARY.states;

/** No event leaves these; a completed case is read-only evidence (第50条第3款: kept ≥ 2 years). */
export const TERMINAL_STATES: readonly State[] = ['completed', 'withdrawn'];

export function isTerminal(state: State): boolean {
  return TERMINAL_STATES.includes(state);
}

export function isState(value: unknown): value is State {
  return typeof value === 'string' && (STATES as readonly string[]).includes(value);
}
