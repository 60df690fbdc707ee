import { aggregate as mingoAggregate } from 'mingo';
import { AGGREGATE_DEFAULT_LIMIT } from '../../../tools/local-cloud';
import { rejectionOf, startHarness, type Harness } from './local-cloud-harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness({ indexes: { cases: ['state'] } });
  const states = ['submitted', 'hr_review', 'signed', 'closed'];
  for (let i = 0; i < 50; i++) {
    await h.db.collection('cases').add({
      data: {
        _id: `c${i}`,
        state: states[i % 4],
        reason: i % 3 === 0 ? 'pay' : 'career',
        days: i,
        tags: i % 5 === 0 ? ['x', 'y'] : ['x'],
        at: new Date(Date.UTC(2027, 0, 1 + i)),
      },
    });
  }
});
afterEach(() => h.dispose());

describe('aggregate().end()', () => {
  it('resolves to { list } with 20 items unless limited', async () => {
    const result = await h.db.collection('cases').aggregate().match({ reason: 'career' }).end();
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['list']));
    expect(result).not.toHaveProperty('data');
    expect(result.list).toHaveLength(AGGREGATE_DEFAULT_LIMIT);
    const limited = await h.db
      .collection('cases')
      .aggregate()
      .match({ reason: 'career' })
      .limit(100)
      .end();
    expect(limited.list).toHaveLength(33);
  });

  it('groups, sorts and projects with command.aggregate expressions', async () => {
    const $ = h.db.command.aggregate;
    const { list } = await h.db
      .collection('cases')
      .aggregate()
      .match({ at: h.db.command.gte(new Date(Date.UTC(2027, 0, 11))) })
      .group({
        _id: '$state',
        n: $.sum(1),
        total: $.sum('$days'),
        avg: $.avg('$days'),
        first: $.min('$at'),
      })
      .sort({ _id: 1 })
      .project({ _id: 0, state: '$_id', n: 1, total: 1, avg: 1, first: 1 })
      .limit(10)
      .end();
    expect(list).toEqual([
      { state: 'closed', n: 10, total: 290, avg: 29, first: new Date(Date.UTC(2027, 0, 12)) },
      { state: 'hr_review', n: 10, total: 310, avg: 31, first: new Date(Date.UTC(2027, 0, 14)) },
      { state: 'signed', n: 10, total: 280, avg: 28, first: new Date(Date.UTC(2027, 0, 11)) },
      { state: 'submitted', n: 10, total: 300, avg: 30, first: new Date(Date.UTC(2027, 0, 13)) },
    ]);
  });

  it('agrees with MongoDB semantics (mingo) for groups it computes itself', async () => {
    const $ = h.db.command.aggregate;
    const all = (await h.db.collection('cases').limit(1000).get()).data;
    const specs = [
      {
        _id: '$reason',
        n: $.sum(1),
        max: $.max('$days'),
        states: $.addToSet('$state'),
        last: $.last('$days'),
      },
      {
        _id: { s: '$state', r: '$reason' },
        avg: $.avg('$days'),
        ids: $.push('$_id'),
        first: $.first('$at'),
      },
      { _id: null, total: $.sum('$days'), missing: $.sum('$nothing'), none: $.avg('$nothing') },
      { _id: '$tags', n: $.sum(1) },
    ];
    const plain = [
      {
        _id: '$reason',
        n: { $sum: 1 },
        max: { $max: '$days' },
        states: { $addToSet: '$state' },
        last: { $last: '$days' },
      },
      {
        _id: { s: '$state', r: '$reason' },
        avg: { $avg: '$days' },
        ids: { $push: '$_id' },
        first: { $first: '$at' },
      },
      {
        _id: null,
        total: { $sum: '$days' },
        missing: { $sum: '$nothing' },
        none: { $avg: '$nothing' },
      },
      { _id: '$tags', n: { $sum: 1 } },
    ];
    for (const [i, spec] of specs.entries()) {
      const { list } = await h.db
        .collection('cases')
        .aggregate()
        .group(spec)
        .sort({ n: 1 })
        .limit(100)
        .end();
      const expected = mingoAggregate(all, [{ $group: plain[i] }, { $sort: { n: 1 } }]);
      const sortKey = (row: Record<string, unknown>) => JSON.stringify(row._id);
      const normalise = (rows: Record<string, unknown>[]) =>
        rows
          .map((row) => ({
            ...row,
            ...(Array.isArray(row.states) ? { states: [...row.states].sort() } : {}),
          }))
          .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      expect(normalise(list)).toEqual(normalise(expected as Record<string, unknown>[]));
    }
  });

  it('supports unwind, addFields, count and skip', async () => {
    const { list } = await h.db
      .collection('cases')
      .aggregate()
      .unwind('$tags')
      .match({ tags: 'y' })
      .count('n')
      .end();
    expect(list).toEqual([{ n: 10 }]);
    const $ = h.db.command.aggregate;
    const { list: added } = await h.db
      .collection('cases')
      .aggregate()
      .match({ _id: 'c3' })
      .addFields({ double: $.multiply(['$days', 2]) })
      .project({ double: 1 })
      .end();
    expect(added).toEqual([{ _id: 'c3', double: 6 }]);
    const { list: skipped } = await h.db
      .collection('cases')
      .aggregate()
      .sort({ days: 1 })
      .skip(48)
      .limit(5)
      .end();
    expect(skipped.map((d) => d._id)).toEqual(['c48', 'c49']);
  });

  it('never changes stored documents', async () => {
    const $ = h.db.command.aggregate;
    await h.db
      .collection('cases')
      .aggregate()
      .addFields({ days: $.add(['$days', 1000]) })
      .limit(100)
      .end();
    expect((await h.db.collection('cases').doc('c1').get()).data.days).toBe(1);
  });

  it('runs raw $ operators as the server would, and refuses bad stages there', async () => {
    const { list } = await h.db
      .collection('cases')
      .aggregate()
      .group({ _id: '$state', n: { $sum: 1 } })
      .sort({ _id: 1 })
      .end();
    expect(list.length).toBeGreaterThan(0);
    const zero = await rejectionOf(h.db.collection('cases').aggregate().limit(0).end());
    // The SDK's aggregate reports a server refusal with errCode -1 and the server's message.
    expect(zero).toMatchObject({ errCode: -1, errMsg: expect.stringMatching(/limit/) });
    const noId = await rejectionOf(h.db.collection('cases').aggregate().group({ n: 1 }).end());
    expect(noId).toMatchObject({ errCode: -1, errMsg: expect.stringMatching(/_id/) });
  });
});
