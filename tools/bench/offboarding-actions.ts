/**
 * Database round trips per `offboarding` action (DESIGN §4, §7: at most 4; `admin.import` at
 * most rows + 2), counted by the local cloud on each action's success path and on the paths a
 * retry or a second submission takes. Prints a table; it is not a test.
 *
 *   npx tsx tools/bench/offboarding-actions.ts
 */
import {
  type Caller,
  importRows,
  readyScene,
  roundTripBudget,
  SUCCESS_PATHS,
} from '../../tests/integration/offboarding/action-scenes';
import {
  type Answer,
  type Company,
  startCompany,
  unique,
} from '../../tests/integration/offboarding/company-harness';

interface Line {
  readonly what: string;
  readonly caller: string;
  readonly outcome: string;
  readonly reads: number;
  readonly writes: number;
  readonly budget: number;
  /** Round trips when the instance's settings cache has expired (a cold or idle instance). */
  readonly cold?: number;
}

/** A warm instance keeps the settings for a minute (settings.repository.ts). */
const SETTINGS_CACHE_MS = 60_000;

const outcomeOf = (answer: Answer) => (answer.ok ? 'ok' : answer.error.code);

async function successPath(
  company: Company,
  scene: string,
  who: Caller,
  cold: boolean,
): Promise<{ answer: Answer; reads: number; writes: number; budget: number }> {
  const { action, caller, payload } = await readyScene(company, scene, who);
  if (cold) {
    const clock = company.cloud.clock;
    await clock.jump(new Date(clock.now().getTime() + SETTINGS_CACHE_MS + 1000));
  } else {
    // Any call that reads the settings leaves them cached in the instance.
    await company.must(company.person('H001').openid, 'meta.get');
  }
  const budget = roundTripBudget(action, payload);
  return { ...(await company.measured(caller, action, payload)), budget };
}

async function successPaths(company: Company): Promise<Line[]> {
  const lines: Line[] = [];
  for (const [scene, who] of SUCCESS_PATHS) {
    const { answer, reads, writes, budget } = await successPath(company, scene, who, false);
    const cold = await successPath(company, scene, who, true);
    lines.push({
      what: scene,
      caller: who,
      outcome: outcomeOf(answer),
      reads,
      writes,
      budget,
      cold: cold.reads + cold.writes,
    });
  }
  return lines;
}

async function importOf(company: Company, count: number): Promise<Line> {
  const rows = importRows(count);
  const hr = company.person('H001').openid;
  const { answer, reads, writes } = await company.measured(hr, 'admin.import', { rows });
  return {
    what: `admin.import (${count} rows)`,
    caller: 'HR',
    outcome: outcomeOf(answer),
    reads,
    writes,
    budget: roundTripBudget('admin.import', { rows }),
  };
}

/** The other paths people hit often: a second submission, and retries of the first. */
async function retryPaths(company: Company): Promise<Line[]> {
  const lines: Line[] = [];
  const owner = await company.hire('M001');
  const payload = { reason: 'resignation', idempotencyKey: unique('bench-') };
  const first = await company.must<{ caseId: string }>(owner.openid, 'case.submit', payload);
  const measure = async (what: string, body: unknown) => {
    const { answer, reads, writes } = await company.measured(owner.openid, 'case.submit', body);
    lines.push({
      what,
      caller: 'owner',
      outcome: outcomeOf(answer),
      reads,
      writes,
      budget: roundTripBudget('case.submit', body),
    });
  };
  await measure('case.submit retried (same key)', payload);
  await measure('case.submit again (one_open_case)', {
    reason: 'resignation',
    idempotencyKey: unique('bench-'),
  });
  await company.must(owner.openid, 'case.withdraw', { caseId: first.caseId });
  await measure('case.submit retried after withdrawal', payload);
  return lines;
}

function print(lines: readonly Line[]): void {
  const width = Math.max(...lines.map((line) => line.what.length)) + 2;
  const header =
    `${'action'.padEnd(width)}${'caller'.padEnd(18)}${'outcome'.padEnd(22)}` +
    'reads  writes  total  budget  cold';
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const line of lines) {
    const total = line.reads + line.writes;
    const cells = [line.reads, line.writes, total, line.budget].map((n) => String(n));
    console.log(
      `${line.what.padEnd(width)}${line.caller.padEnd(18)}${line.outcome.padEnd(22)}` +
        `${cells[0]?.padStart(5)}  ${cells[1]?.padStart(6)}  ${cells[2]?.padStart(5)}  ` +
        `${cells[3]?.padStart(6)}  ${String(line.cold ?? '').padStart(4)}` +
        (total > line.budget ? '  over budget' : ''),
    );
  }
  console.log(
    '\ncold: the same call when the instance has not read the settings in the last minute.',
  );
}

async function main(): Promise<void> {
  const company = await startCompany();
  try {
    const lines = [
      ...(await successPaths(company)),
      await importOf(company, 1),
      await importOf(company, 50),
      await importOf(company, 500),
      ...(await retryPaths(company)),
    ];
    print(lines);
  } finally {
    await company.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
