import { employeeLine, employeeNoProblem } from '../view-models/binding-code';
import { call } from './rpc';

/** What the field shows under a 工号: whom it names, or why it names no one. */
export interface LookupShown {
  employeeNo: string;
  /** `张三 · 研发部`, '' until found. */
  found: string;
  /** The server's word when the number names no one (or the lookup failed), '' otherwise. */
  problem: string;
}

/** A pause after the last keystroke before asking: one lookup per number typed, not per key. */
export const LOOKUP_DELAY_MS = 300;

const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();

/**
 * Looks the 工号 up once HR stops typing a well-formed one, and hands the answer to `show`
 * unless the field changed meanwhile (`current` says what it holds now).
 */
export function scheduleLookup(
  owner: object,
  employeeNo: string,
  current: () => string,
  show: (shown: LookupShown) => void,
): void {
  const pending = timers.get(owner);
  if (pending !== undefined) clearTimeout(pending);
  const number = employeeNo.trim();
  if (employeeNoProblem(number)) return;
  timers.set(
    owner,
    setTimeout(() => {
      timers.delete(owner);
      void (async () => {
        const reply = await call('admin.employeeLookup', { employeeNo: number });
        if (current().trim() !== number) return;
        show(
          reply.ok
            ? { employeeNo: number, found: employeeLine(reply.data), problem: '' }
            : { employeeNo: number, found: '', problem: reply.error.message },
        );
      })();
    }, LOOKUP_DELAY_MS),
  );
}
