/**
 * `npm run bench [-- <name> [args…]]`: runs the named benchmark (all when none is named).
 * Each prints its own numbers.
 */
import { benchReminders } from './reminders';

const BENCHES: Record<string, (args: number[]) => Promise<void>> = {
  reminders: ([open, due]) => benchReminders(open || undefined, due || undefined),
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const args = rest.map(Number);
  const chosen = name ? [name] : Object.keys(BENCHES);
  for (const bench of chosen) {
    const run = BENCHES[bench];
    if (!run) throw new Error(`unknown bench ${bench}; known: ${Object.keys(BENCHES).join(', ')}`);
    await run(args);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
