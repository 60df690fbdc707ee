import fc from 'fast-check';
import { startHarness, type Harness } from './local-cloud-harness';

/**
 * Property: a query answered through the in-memory indexes returns exactly what a full scan
 * returns, whatever the values (numbers, strings, dates, booleans, null, arrays, missing) and
 * whatever the mix of equality, `in` and range conditions.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ indexes: { indexed: ['v', 'o.w'] } });
});
afterAll(() => h.dispose());

const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n));
const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'b', 'c', ''),
  fc.integer({ min: 0, max: 5 }).map(day),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const doc = fc.record(
  {
    v: value,
    o: fc.oneof(fc.record({ w: value }), fc.array(fc.record({ w: scalar }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

type Condition = {
  kind: 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'range';
  a: unknown;
  b?: unknown;
};
const comparable = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'b', 'c'),
  fc.integer({ min: 0, max: 5 }).map(day),
);
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ kind: fc.constantFrom('eq' as const), a: scalar }),
  fc.record({
    kind: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
    a: comparable,
  }),
  fc.record({
    kind: fc.constant('in' as const),
    a: fc.array(scalar, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('range' as const), a: comparable, b: comparable }),
);

function toWhere(field: string, c: Condition): WxServerSdk.Condition {
  const _ = h.db.command;
  const path = field.split('.');
  const wrap = (inner: unknown): WxServerSdk.Condition =>
    path.length === 1
      ? { [field]: inner }
      : { [path[0] as string]: { [path[1] as string]: inner } };
  switch (c.kind) {
    case 'eq':
      return wrap(_.eq(c.a));
    case 'in':
      return wrap(_.in(c.a as unknown[]));
    case 'range':
      return wrap(_.gte(c.a).and(_.lt(c.b)));
    default:
      return wrap(_[c.kind](c.a));
  }
}

it('indexed queries agree with a full scan', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(doc, { maxLength: 25 }),
      condition,
      fc.constantFrom('v', 'o.w'),
      async (docs, c, field) => {
        await h.db.collection('indexed').where({}).remove();
        await h.db.collection('scanned').where({}).remove();
        for (const [i, data] of docs.entries()) {
          await h.db.collection('indexed').add({ data: { ...data, _id: `d${i}` } });
          await h.db.collection('scanned').add({ data: { ...data, _id: `d${i}` } });
        }
        // Updates move documents between index keys too.
        if (docs.length > 0)
          await h.db
            .collection('indexed')
            .doc('d0')
            .update({ data: { v: 2 } });
        if (docs.length > 0)
          await h.db
            .collection('scanned')
            .doc('d0')
            .update({ data: { v: 2 } });
        const where = toWhere(field, c);
        const ids = async (name: string) =>
          (await h.db.collection(name).where(where).limit(1000).get()).data
            .map((d) => d._id)
            .sort();
        expect(await ids('indexed')).toEqual(await ids('scanned'));
        expect((await h.db.collection('indexed').where(where).count()).total).toBe(
          (await h.db.collection('scanned').where(where).count()).total,
        );
      },
    ),
    { numRuns: 150 },
  );
}, 60000);
