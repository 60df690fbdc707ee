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

/**
 * Where each state stands outside the machine; every list below follows from it, so a new state
 * is placed once. `preparing`: HR's draft of a termination, seen by HR only. `open`: under way,
 * seen by the employee. `finished`: no event leaves it.
 */
const STANDING = {
  draft: 'preparing',
  submitted: 'open',
  returned: 'open',
  hr_review: 'open',
  formalities: 'open',
  completed: 'finished',
  withdrawn: 'finished',
} as const satisfies Record<State, 'preparing' | 'open' | 'finished'>;

type Standing = (typeof STANDING)[State];
type StatesWhere<S extends Standing> = {
  [K in State]: (typeof STANDING)[K] extends S ? K : never;
}[State];

function statesWhere<S extends Standing>(...standing: readonly S[]): readonly StatesWhere<S>[] {
  return STATES.filter((state): state is StatesWhere<S> =>
    (standing as readonly Standing[]).includes(STANDING[state]),
  );
}

/** No event leaves these; a completed case is read-only evidence (第50条第3款: kept ≥ 2 years). */
export const TERMINAL_STATES = statesWhere('finished');

/**
 * A case still being handled: it holds the employee's open-case lock (one unfinished case per
 * employee, released when the case ends), the board lists it as open, and documents for the
 * record (notice of delivery, other) may still be added.
 */
export const UNFINISHED_STATES = statesWhere('preparing', 'open');

/** The open case an employee sees as theirs (`me.get` `openCase`): a draft is HR's alone. */
export const EMPLOYEE_OPEN_STATES = statesWhere('open');

export function isTerminal(state: State): boolean {
  return STANDING[state] === 'finished';
}

export function isState(value: unknown): value is State {
  return typeof value === 'string' && (STATES as readonly string[]).includes(value);
}
