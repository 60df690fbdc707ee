import { GET_MAX_LIMIT } from '../../../tools/local-cloud';
import { rejectionOf, startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
let _: WxServerSdk.Command;

beforeEach(async () => {
  h = await startHarness({ indexes: { people: ['age', 'city', 'joinedAt'] } });
  _ = h.db.command;
});
afterEach(() => h.dispose());

async function seed(n: number, collection = 'people'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await h.db.collection(collection).add({
      data: {
        _id: `p${String(i).padStart(4, '0')}`,
        age: i % 50,
        city: i % 2 ? '上海' : '北京',
        tags: ['a', `t${i % 3}`],
      },
    });
  }
}

describe('get limits (服务端 get 默认 100 条，limit 最多 1000)', () => {
  it('returns 100 documents by default and up to 1000 with limit', async () => {
    await seed(1100);
    expect((await h.db.collection('people').get()).data).toHaveLength(100);
    expect((await h.db.collection('people').limit(1000).get()).data).toHaveLength(1000);
    expect((await h.db.collection('people').skip(1050).limit(1000).get()).data).toHaveLength(50);
  }, 60000);

  it('clamps a limit above 1000 to 1000, and a limit of 0 to the default (the SDK does)', async () => {
    await seed(1100);
    const over = h.db
      .collection('people')
      .limit(GET_MAX_LIMIT + 1)
      .get();
    expect((await over).data).toHaveLength(GET_MAX_LIMIT);
    expect((await h.db.collection('people').limit(0).get()).data).toHaveLength(100);
  }, 60000);

  it('refuses a negative skip on the server and a bad order in the SDK', async () => {
    const skip = await rejectionOf(h.db.collection('people').skip(-1).get());
    expect(skip.errCode).toBe(-501007);
    expect(skip.errMsg).toMatch(/^collection\.get:fail .*offset/);
    expect(() => h.db.collection('people').orderBy('age', 'up' as 'asc')).toThrow(/排序字符不合法/);
  });
});

describe('where', () => {
  beforeEach(async () => {
    await h.db
      .collection('todo')
      .add({ data: { _id: 'a', owner: { name: 'Li', dept: 'HR' }, n: 1 } });
    await h.db
      .collection('todo')
      .add({ data: { _id: 'b', owner: { name: 'Li', dept: 'IT', extra: true }, n: 2 } });
  });

  it('matches a nested plain object field by field (unlike Mongo sub-document equality)', async () => {
    const { data } = await h.db
      .collection('todo')
      .where({ owner: { name: 'Li' } })
      .get();
    expect(data.map((d) => d._id).sort()).toEqual(['a', 'b']);
    const { data: hr } = await h.db
      .collection('todo')
      .where({ owner: { dept: 'HR' } })
      .get();
    expect(hr.map((d) => d._id)).toEqual(['a']);
  });

  it('matches a whole sub-document only with command.eq', async () => {
    const { data } = await h.db
      .collection('todo')
      .where({ owner: _.eq({ name: 'Li', dept: 'HR' }) })
      .get();
    expect(data.map((d) => d._id)).toEqual(['a']);
  });

  it('passes a raw $ operator on as Mongo syntax, and refuses a query of undefined values', async () => {
    // The SDK sends `{ n: { $gt: 1 } }` as it is: the server runs it as an operator.
    const raw = await h.db
      .collection('todo')
      .where({ n: { $gt: 1 } })
      .get();
    expect(raw.data.map((d) => d._id)).toEqual(['b']);
    expect(() => h.db.collection('todo').where({ n: undefined })).toThrow(/undefined/);
  });

  it('an update operator in a query matches nothing (the SDK sends it as a plain object)', async () => {
    const { data } = await h.db
      .collection('todo')
      .where({ n: _.inc(1) })
      .get();
    expect(data).toEqual([]);
  });
});

describe('query operators', () => {
  beforeEach(() => seed(60));
  const ids = async (condition: unknown) =>
    (
      await h.db
        .collection('people')
        .where(condition as WxServerSdk.Condition)
        .limit(1000)
        .get()
    ).data.length;

  it.each([
    ['eq', () => ({ age: _.eq(3) }), 2],
    ['neq', () => ({ age: _.neq(3) }), 58],
    ['lt', () => ({ age: _.lt(3) }), 6],
    ['lte', () => ({ age: _.lte(3) }), 8],
    ['gt', () => ({ age: _.gt(45) }), 4],
    ['gte', () => ({ age: _.gte(45) }), 5],
    ['in', () => ({ age: _.in([1, 2]) }), 4],
    ['nin', () => ({ age: _.nin([1, 2]) }), 56],
    ['and', () => ({ age: _.gt(1).and(_.lt(4)) }), 4],
    ['or (field)', () => ({ age: _.or(_.eq(0), _.eq(49)) }), 3],
    ['or (top level)', () => _.or([{ age: 0 }, { age: 49 }]), 3],
    ['exists', () => ({ nickname: _.exists(false) }), 60],
    ['elemMatch', () => ({ tags: _.elemMatch(_.eq('t1')) }), 20],
    ['all', () => ({ tags: _.all(['a', 't2']) }), 20],
    ['size', () => ({ tags: _.size(2) }), 60],
    ['array contains', () => ({ tags: 't0' }), 20],
  ])('%s', async (_name, condition, expected) => {
    expect(await ids(condition())).toBe(expected);
  });

  it('counts with a range query on an indexed field', async () => {
    expect(
      (
        await h.db
          .collection('people')
          .where({ age: _.gte(10).and(_.lt(20)) })
          .count()
      ).total,
    ).toBe(10);
    expect(
      (
        await h.db
          .collection('people')
          .where({ age: _.gte(10), city: '上海' })
          .count()
      ).total,
    ).toBe(20);
  });

  it('orders, skips and projects', async () => {
    const { data } = await h.db
      .collection('people')
      .where({ city: '北京' })
      .orderBy('age', 'desc')
      .orderBy('_id', 'asc')
      .skip(1)
      .limit(3)
      .field({ age: true })
      .get();
    expect(data).toEqual([
      { _id: 'p0046', age: 46 },
      { _id: 'p0044', age: 44 },
      { _id: 'p0042', age: 42 },
    ]);
  });
});

describe('writes', () => {
  it('add with an existing _id fails (E11000)', async () => {
    await h.db.collection('c').add({ data: { _id: 'x', v: 1 } });
    const error = await rejectionOf(h.db.collection('c').add({ data: { _id: 'x', v: 2 } }));
    // The platform's code is not in the SDK's table: -501001, the code named in the message.
    expect(error.errCode).toBe(-501001);
    expect(error.errMsg).toMatch(/DATABASE_DUPLICATE_WRITE.*E11000 duplicate key/);
    expect((await h.db.collection('c').doc('x').get()).data.v).toBe(1);
  });

  it('add generates a 32-hex _id', async () => {
    const { _id } = await h.db.collection('c').add({ data: { v: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('doc().get() of a missing document rejects like the SDK; throwOnNotFound:false gives null', async () => {
    const error = await rejectionOf(h.db.collection('c').doc('nope').get());
    expect(error.errMsg).toBe('document.get:fail document with _id nope does not exist');
    const lenient = h.cloud.cloud.database({ throwOnNotFound: false });
    expect((await lenient.collection('c').doc('nope').get()).data).toBeNull();
  });

  it('update merges a nested object field by field; set replaces the document', async () => {
    await h.db
      .collection('c')
      .add({ data: { _id: 'x', profile: { name: 'A', age: 30 }, keep: true } });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { profile: { age: 31 } } });
    expect((await h.db.collection('c').doc('x').get()).data).toEqual({
      _id: 'x',
      profile: { name: 'A', age: 31 },
      keep: true,
    });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { profile: _.set({ age: 32 }) } });
    expect((await h.db.collection('c').doc('x').get()).data.profile).toEqual({ age: 32 });
    const set = await h.db
      .collection('c')
      .doc('x')
      .set({ data: { only: 1 } });
    expect(set.stats).toEqual({ updated: 1, created: 0 });
    expect((await h.db.collection('c').doc('x').get()).data).toEqual({ _id: 'x', only: 1 });
    const created = await h.db
      .collection('c')
      .doc('y')
      .set({ data: { only: 2 } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
  });

  it('stats.updated is 0 when nothing matched or nothing changed', async () => {
    await h.db.collection('c').add({ data: { _id: 'x', version: 1, state: 'a' } });
    const same = await h.db
      .collection('c')
      .doc('x')
      .update({ data: { state: 'a' } });
    expect(same.stats.updated).toBe(0);
    const stale = await h.db
      .collection('c')
      .where({ _id: 'x', version: 0 })
      .update({ data: { state: 'b', version: _.inc(1) } });
    expect(stale.stats.updated).toBe(0);
    const fresh = await h.db
      .collection('c')
      .where({ _id: 'x', version: 1 })
      .update({ data: { state: 'b', version: _.inc(1) } });
    expect(fresh.stats.updated).toBe(1);
    expect(
      (
        await h.db
          .collection('c')
          .doc('missing')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
  });

  it('update operators', async () => {
    await h.db
      .collection('c')
      .add({ data: { _id: 'x', n: 2, m: 3, lo: 5, hi: 5, arr: [1, 2, 3], gone: 1, set: ['a'] } });
    await h.db
      .collection('c')
      .doc('x')
      .update({
        data: {
          n: _.inc(3),
          m: _.mul(2),
          lo: _.min(1),
          hi: _.max(9),
          gone: _.remove(),
          set: _.addToSet('a'),
        },
      });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { arr: _.push([4, 5]) } });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { arr: _.pop() } });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { arr: _.shift() } });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { arr: _.unshift([0]) } });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { arr: _.pull(_.gt(3)) } });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { set: _.addToSet('b') } });
    const { data } = await h.db.collection('c').doc('x').get();
    expect(data).toEqual({ _id: 'x', n: 5, m: 6, lo: 1, hi: 9, arr: [0, 2, 3], set: ['a', 'b'] });
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { arr: _.pullAll([0, 3]) } });
    expect((await h.db.collection('c').doc('x').get()).data.arr).toEqual([2]);
  });

  it('refuses bad update data as the SDK and the server do', async () => {
    await h.db.collection('c').add({ data: { _id: 'x', n: 1 } });
    const changeId = await rejectionOf(
      h.db
        .collection('c')
        .doc('x')
        .update({ data: { _id: 'y' } }),
    );
    expect(changeId).toMatchObject({ errCode: -501007 });
    expect(changeId.errMsg).toMatch(/_id/);
    // A query operator as a value reaches the server as `$set: { n: { $gt: 1 } }`: unstorable.
    const queryOperator = await rejectionOf(
      h.db
        .collection('c')
        .doc('x')
        .update({ data: { n: _.gt(1) } }),
    );
    expect(queryOperator.errCode).toBe(-502001);
    expect(queryOperator.errMsg).toMatch(/\$gt/);
    await expect(h.db.collection('c').doc('x').update({ data: {} })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/must not be empty/),
    });
    // A raw operator is sent as it is, and runs.
    await h.db
      .collection('c')
      .doc('x')
      .update({ data: { $set: { n: 2 } } });
    expect((await h.db.collection('c').doc('x').get()).data.n).toBe(2);
    expect(
      (
        await rejectionOf(
          h.db
            .collection('c')
            .doc('x')
            .update({ data: { n: _.inc('1' as never) } }),
        )
      ).errCode,
    ).toBe(-502001); // Mongo: cannot increment with a non-numeric argument
  });

  it('remove reports how many documents went', async () => {
    await seed(10);
    expect((await h.db.collection('people').where({ city: '上海' }).remove()).stats.removed).toBe(
      5,
    );
    expect((await h.db.collection('people').doc('p0000').remove()).stats.removed).toBe(1);
    expect((await h.db.collection('people').doc('p0000').remove()).stats.removed).toBe(0);
    expect((await h.db.collection('people').count()).total).toBe(4);
  });
});

describe('serverDate', () => {
  it('follows the local clock, with offset, in writes and queries', async () => {
    await h.cloud.clock.jump(new Date('2027-03-01T02:00:00Z'));
    await h.db.collection('c').add({
      data: { _id: 'x', at: h.db.serverDate(), later: h.db.serverDate({ offset: 60000 }) },
    });
    const { data } = await h.db.collection('c').doc('x').get();
    expect(data.at).toEqual(new Date('2027-03-01T02:00:00Z'));
    expect(data.later).toEqual(new Date('2027-03-01T02:01:00Z'));
    expect(
      (
        await h.db
          .collection('c')
          .where({ at: _.lte(h.db.serverDate()) })
          .count()
      ).total,
    ).toBe(1);
    expect(
      (
        await h.db
          .collection('c')
          .where({ later: _.lte(h.db.serverDate()) })
          .count()
      ).total,
    ).toBe(0);
  });
});

describe('indexes', () => {
  it('answer equality and range queries exactly like a full scan, dates and arrays included', async () => {
    const base = new Date('2027-01-01T00:00:00Z').getTime();
    for (let i = 0; i < 200; i++) {
      await h.db.collection('people').add({
        data: {
          age: i % 7 === 0 ? [i % 40, 100] : i % 40,
          city: i % 11 === 0 ? null : `c${i % 5}`,
          joinedAt: new Date(base + i * 3600_000),
        },
      });
    }
    const scan = h.cloud.cloud.database();
    const cases: WxServerSdk.Condition[] = [
      { age: 5 },
      { age: _.gt(10).and(_.lte(20)) },
      { age: _.in([1, 100]) },
      { city: 'c1' },
      { city: null },
      { joinedAt: _.gte(new Date(base + 50 * 3600_000)).and(_.lt(new Date(base + 60 * 3600_000))) },
      { age: _.gt(50) },
    ];
    for (const condition of cases) {
      const indexed = (await h.db.collection('people').where(condition).count()).total;
      // "notindexed" holds the same documents without any index.
      expect(indexed).toBeGreaterThanOrEqual(0);
      const all = (await scan.collection('people').limit(1000).get()).data;
      await Promise.all(
        // `set` data may not carry `_id` (the SDK refuses it): the id is the doc's.
        all.map(({ _id, ...doc }) =>
          scan
            .collection('notindexed')
            .doc(_id as string)
            .set({ data: doc }),
        ),
      );
      expect((await scan.collection('notindexed').where(condition).count()).total).toBe(indexed);
      await scan.collection('notindexed').where({}).remove();
    }
  }, 60000);
});

describe('round trips', () => {
  it('counts reads and writes per invocation and globally', async () => {
    const before = h.cloud.stats();
    const outcome = await h.cloud.invokeWithStats('probe', {
      op: 'twoReadsOneWrite',
      collection: 'rt',
    });
    expect(outcome.roundTrips).toEqual({ reads: 2, writes: 1 });
    const after = h.cloud.stats();
    expect(after.reads - before.reads).toBe(2);
    expect(after.writes - before.writes).toBe(1);
  });
});
