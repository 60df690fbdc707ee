import { rejectionOf, startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.db.collection('accounts').add({ data: { _id: 'a', amount: 100 } });
  await h.db.collection('accounts').add({ data: { _id: 'b', amount: 0 } });
});
afterEach(() => h.dispose());

const amount = async (id: string) => (await h.db.collection('accounts').doc(id).get()).data.amount;

describe('runTransaction (事务: 仅 doc 操作与 add)', () => {
  it('commits doc operations and add together and resolves with the body result', async () => {
    const _ = h.db.command;
    const result = await h.db.runTransaction(async (tx) => {
      const { data } = await tx.collection('accounts').doc('a').get();
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { amount: _.inc(-10) } });
      await tx
        .collection('accounts')
        .doc('b')
        .update({ data: { amount: _.inc(10) } });
      await tx.collection('log').add({ data: { _id: 'l1', moved: 10 } });
      return data.amount;
    });
    expect(result).toBe(100);
    expect(await amount('a')).toBe(90);
    expect(await amount('b')).toBe(10);
    expect((await h.db.collection('log').doc('l1').get()).data.moved).toBe(10);
  });

  it('is all-or-nothing: a throw or a rollback leaves nothing behind', async () => {
    const _ = h.db.command;
    const thrown = await rejectionOf(
      h.db.runTransaction(async (tx) => {
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { amount: _.inc(-10) } });
        await tx.collection('log').add({ data: { _id: 'l2' } });
        throw Object.assign(new Error('boom'), { errCode: 1, errMsg: 'boom' });
      }),
    );
    expect(thrown.errMsg).toBe('boom');
    const rolledBack = h.db.runTransaction(async (tx) => {
      await tx
        .collection('accounts')
        .doc('b')
        .set({ data: { amount: 999 } });
      await tx.rollback(-100);
    });
    await expect(rolledBack).rejects.toBe(-100);
    expect(await amount('a')).toBe(100);
    expect(await amount('b')).toBe(0);
    expect((await h.db.collection('log').count()).total).toBe(0);
  });

  it('offers only doc() and add() in its type: a where().update() would run outside it', async () => {
    await h.db
      .runTransaction(async (tx) => {
        // @ts-expect-error -- the typed handle has no where(): the real SDK has one, but sends
        // where().update() without the transaction id, so it is not undone by a rollback.
        const outside = tx.collection('accounts').where({ _id: 'a' }) as WxServerSdk.Query;
        await outside.update({ data: { amount: 1 } });
        await tx.rollback('undo');
      })
      .catch((reason: unknown) => expect(reason).toBe('undo'));
    expect(await amount('a')).toBe(1);
  });

  it('reads its own writes inside the transaction', async () => {
    await h.db.runTransaction(async (tx) => {
      await tx
        .collection('accounts')
        .doc('a')
        .set({ data: { amount: 1 } });
      expect((await tx.collection('accounts').doc('a').get()).data.amount).toBe(1);
      expect(await amount('a')).toBe(100); // not visible outside before commit
    });
    expect(await amount('a')).toBe(1);
  });

  it('add of an existing _id fails the transaction', async () => {
    const error = await rejectionOf(
      h.db.runTransaction(async (tx) => {
        await tx
          .collection('accounts')
          .doc('b')
          .set({ data: { amount: 5 } });
        await tx.collection('accounts').add({ data: { _id: 'a', amount: 1 } });
      }),
    );
    expect(error.errMsg).toMatch(/duplicate key/);
    expect(await amount('b')).toBe(0);
  });

  it('serialises conflicting transactions: both read-modify-write one doc, both effects land', async () => {
    const _ = h.db.command;
    let runs = 0;
    const transfer = () =>
      h.db.runTransaction(async (tx) => {
        runs++;
        const { data } = await tx.collection('accounts').doc('a').get();
        await new Promise((resolve) => setTimeout(resolve, 10));
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { amount: (data.amount as number) - 30 } });
        await tx
          .collection('accounts')
          .doc('b')
          .update({ data: { amount: _.inc(30) } });
      });
    await Promise.all([transfer(), transfer()]);
    expect(await amount('a')).toBe(40);
    expect(await amount('b')).toBe(60);
    expect(runs).toBe(3); // the loser ran again on fresh data
  });

  it('two transactions writing one doc: the first commit wins, the other fails when out of retries', async () => {
    const attempt = (value: number) =>
      h.db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('a').get();
        await new Promise((resolve) => setTimeout(resolve, 10));
        await tx
          .collection('accounts')
          .doc('a')
          .set({ data: { amount: value } });
      }, 0);
    const results = await Promise.allSettled([attempt(1), attempt(2)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // The SDK rethrows the server's answer as it is: a code, no errCode.
    expect(failed.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    const winner = results[0]?.status === 'fulfilled' ? 1 : 2;
    expect(await amount('a')).toBe(winner);
  });

  it('a plain write to a doc the transaction writes makes it run again on the new value', async () => {
    let runs = 0;
    await h.db.runTransaction(async (tx) => {
      runs++;
      const { data } = await tx.collection('accounts').doc('a').get();
      if (runs === 1) {
        await h.db
          .collection('accounts')
          .doc('a')
          .update({ data: { amount: 500 } });
      }
      await tx
        .collection('accounts')
        .doc('a')
        .set({ data: { amount: (data.amount as number) + 1 } });
    });
    expect(runs).toBe(2);
    expect(await amount('a')).toBe(501);
  });

  it('a doc it only read may change under it: snapshot isolation, as MongoDB (write skew)', async () => {
    let first = true;
    await h.db.runTransaction(async (tx) => {
      const { data } = await tx.collection('accounts').doc('a').get();
      if (first) {
        first = false;
        await h.db
          .collection('accounts')
          .doc('a')
          .update({ data: { amount: 500 } });
      }
      await tx
        .collection('accounts')
        .doc('b')
        .set({ data: { amount: data.amount } });
    });
    expect(await amount('b')).toBe(100);
    expect(await amount('a')).toBe(500);
  });
});
