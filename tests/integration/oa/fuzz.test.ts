/**
 * The webhook never answers 500 for any body (issue 15): malformed bodies, correctly signed so
 * that they reach the contract, each answered 4xx with a Chinese message, and nothing written.
 * `FUZZ_RUNS` sets the runs (`npm run fuzz`: 1,000).
 */
import fc from 'fast-check';
import { type Company } from '../offboarding/company-harness';
import { postToWebhook, resignation, startOaCompany } from './oa-harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const CHINESE = /[\u4e00-\u9fff]/;

let company: Company;
beforeAll(async () => {
  company = await startOaCompany();
}, 60_000);
afterAll(() => company.dispose());

const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
);

/** A body that is sure to be refused: text that is no JSON, JSON that is no request, a request broken. */
function malformed(base: () => Record<string, unknown>): fc.Arbitrary<{ text: string }> {
  const json = (value: unknown) => ({ text: JSON.stringify(value) ?? 'null' });
  const required = ['type', 'oaRef', 'employeeNo', 'reason', 'submittedAt'];
  return fc.oneof(
    // Not JSON at all (or cut off).
    fc
      .string()
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })
      .map((text) => ({ text })),
    fc.nat({ max: 80 }).map((cut) => ({ text: JSON.stringify(base()).slice(0, cut) })),
    // JSON, but not an object.
    fc
      .oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue()))
      .map(json),
    // A request without one of its required fields.
    fc.constantFrom(...required).map((field) => {
      const body = Object.fromEntries(Object.entries(base()).filter(([key]) => key !== field));
      return json(body);
    }),
    // A required field that is not a string.
    fc
      .tuple(
        fc.constantFrom(...required),
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object()),
      )
      .map(([field, value]) => json({ ...base(), [field]: value })),
    // Junk in an optional field, or a field the contract does not have.
    fc
      .tuple(fc.constantFrom('explanation', 'lastWorkingDay', 'faultGrounds'), junk)
      .filter(([field, value]) =>
        field === 'faultGrounds'
          ? !Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')
          : typeof value !== 'string',
      )
      .map(([field, value]) => json({ ...base(), [field]: value })),
    fc
      .tuple(fc.string({ minLength: 1 }), fc.jsonValue())
      .filter(
        ([key]) =>
          ![
            'type',
            'oaRef',
            'employeeNo',
            'reason',
            'explanation',
            'faultGrounds',
            'submittedAt',
            'lastWorkingDay',
            '__proto__',
          ].includes(key),
      )
      .map(([key, value]) => json({ ...base(), [key]: value })),
    // Strings that break a field's format.
    fc
      .tuple(
        fc.constantFrom('oaRef', 'employeeNo', 'submittedAt', 'reason'),
        fc.string({ maxLength: 80 }),
      )
      .filter(([field, value]) =>
        field === 'reason'
          ? !['resignation', 'personal'].includes(value)
          : field === 'submittedAt'
            ? Number.isNaN(Date.parse(value)) || !/T/.test(value)
            : !/^[A-Za-z0-9_.:-]{1,32}$/.test(value),
      )
      .map(([field, value]) => json({ ...base(), [field]: value })),
    // A withdrawal with junk.
    junk.map((value) => json({ type: 'resignation.withdrawn', oaRef: value, requestedAt: 'now' })),
  );
}

it(`${RUNS} malformed bodies: each a 4xx with a Chinese message, and nothing written`, async () => {
  const owner = await company.hire('M001');
  const base = () => resignation(company, owner.employeeNo);
  await fc.assert(
    fc.asyncProperty(malformed(base), async ({ text }) => {
      const before = company.cloud.stats().mutations;
      const reply = await postToWebhook(company, text, { raw: true });
      const shown = `${reply.status} ${reply.text.slice(0, 200)} ← ${text.slice(0, 200)}`;
      if (reply.status < 400 || reply.status >= 500) throw new Error(`not a 4xx: ${shown}`);
      if (!CHINESE.test(String(reply.body.message))) throw new Error(`no message: ${shown}`);
      if (company.cloud.stats().mutations !== before) throw new Error(`wrote: ${shown}`);
    }),
    { numRuns: RUNS },
  );
}, 600_000);
