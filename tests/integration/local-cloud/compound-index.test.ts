import { StoredCollection } from '../../../tools/local-cloud/document-store';
import { startHarness, type Harness } from './local-cloud-harness';

/**
 * A compound index answers `where` + `orderBy` + `limit` by walking its entries in order; every
 * answer must be the one a full sort gives. `plain` holds the same documents with no index.
 */
let h: Harness;
const STATES = ['open', 'review', 'done'];
const BASE = Date.parse('2027-01-01T00:00:00.000Z');

function docAt(i: number): Record<string, unknown> {
  return {
    _id: `d${String(i).padStart(3, '0')}`,
    state: STATES[i % 3],
    owner: `o${i % 4}`,
    // Ties every fifth document; a few have no time at all.
    at: i % 17 === 0 ? null : new Date(BASE + (i - (i % 5 === 1 ? 1 : 0)) * 3600_000).toISOString(),
    n: i,
  };
}

beforeEach(async () => {
  h = await startHarness({
    indexes: { indexed: ['state', ['state', 'at'], ['owner', 'state', 'at']] },
  });
  for (let i = 0; i < 120; i++) {
    await h.db.collection('indexed').add({ data: docAt(i) });
    await h.db.collection('plain').add({ data: docAt(i) });
  }
});
afterEach(() => h.dispose());

async function both(
  where: WxServerSdk.Condition | WxServerSdk.CommandExpr,
  limit: number,
  skip = 0,
): Promise<[unknown[], unknown[]]> {
  const run = (name: string) =>
    h.db
      .collection(name)
      .where(where)
      .orderBy('at', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(limit)
      .get()
      .then(({ data }) => data.map((doc) => doc._id));
  return [await run('indexed'), await run('plain')];
}

describe('compound indexes', () => {
  it('page exactly like a full sort: $in prefixes, ties, missing values, cursors, skip', async () => {
    const _ = h.db.command;
    const walks = jest.spyOn(StoredCollection.prototype, 'findOrdered');
    const cursorAt = new Date(BASE + 40 * 3600_000).toISOString();
    const conditions: (WxServerSdk.Condition | WxServerSdk.CommandExpr)[] = [
      { state: 'open' },
      { state: _.in(['open', 'review']) },
      { owner: 'o1', state: _.in(['open', 'done']) },
      { state: _.in(['open', 'review']), n: _.gt(50) },
      _.and([
        { state: _.in(['open', 'review', 'done']), at: _.gte(cursorAt) },
        _.or([{ at: _.gt(cursorAt) }, { at: cursorAt, _id: _.gt('d040') }]),
      ]),
    ];
    for (const where of conditions) {
      for (const [limit, skip] of [
        [5, 0],
        [21, 0],
        [7, 10],
        [200, 0],
      ] as const) {
        const [indexed, plain] = await both(where, limit, skip);
        expect(indexed).toEqual(plain);
      }
    }
    // The indexed collection's pages came from the walk, not from sorting every match.
    const answered = walks.mock.results.filter(
      (result, i) =>
        (walks.mock.contexts[i] as StoredCollection).name === 'indexed' && result.value !== null,
    );
    expect(answered.length).toBe(conditions.length * 4);
    walks.mockRestore();
  });

  it('stays right as documents change after the index was first used', async () => {
    const _ = h.db.command;
    await both({ state: _.in(['open', 'review']) }, 21);
    for (const name of ['indexed', 'plain']) {
      await h.db
        .collection(name)
        .where({ n: _.lt(30) })
        .update({ data: { state: 'review', at: '2026-12-31T00:00:00.000Z' } });
      await h.db.collection(name).doc('d100').remove();
      await h.db.collection(name).add({ data: { ...docAt(500), state: 'open' } });
    }
    const [indexed, plain] = await both({ state: _.in(['open', 'review']) }, 40);
    expect(indexed).toEqual(plain);
  });

  it('gives way to a plain sort when an array sits on an indexed path', async () => {
    for (const name of ['indexed', 'plain']) {
      await h.db
        .collection(name)
        .add({ data: { _id: 'arr', state: ['open', 'done'], at: '2026-01-01T00:00:00.000Z' } });
    }
    const [indexed, plain] = await both({ state: 'open' }, 10);
    expect(indexed).toEqual(plain);
    expect(indexed).toContain('arr');
  });
});
