/**
 * The data folder as a snapshot plus the journal since it (issue 16 item 3): reopening gives the
 * same data, a journal after a snapshot replays, a torn last line is ignored, and a crash at any
 * moment of a compaction loses nothing and applies nothing twice.
 *
 * A crash is a copy of the data folder taken while the cloud runs (without its LOCK): exactly
 * the files `kill -9` would leave at that moment, since every acknowledged write is already on
 * disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLocalCloud,
  encodeRecord,
  JOURNAL_FILE,
  SNAPSHOT_FILE,
  type LocalCloud,
} from '../../../tools/local-cloud';

const FUNCTIONS = path.join(__dirname, 'fixtures', 'durable');

type Item = {
  _id: string;
  n: number;
  at: Date;
  nested: { tag: string; deep: { k: number } };
  log: { n: number }[];
  pad: string;
};

let root: string;
let copies = 0;
const opened: LocalCloud[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-snapshot-'));
});
afterEach(async () => {
  for (const cloud of opened.splice(0)) await cloud.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function open(dataDir: string): Promise<LocalCloud> {
  const cloud = await createLocalCloud({ dataDir, functionsDir: FUNCTIONS, realTimeTimers: false });
  opened.push(cloud);
  return cloud;
}

async function close(cloud: LocalCloud): Promise<void> {
  opened.splice(opened.indexOf(cloud), 1);
  await cloud.close();
}

/** What `kill -9` would leave now: the folder's files, without the dead process's lock. */
function crashCopy(dataDir: string): string {
  const copy = path.join(root, `crash-${++copies}`);
  fs.cpSync(dataDir, copy, { recursive: true, filter: (file) => path.basename(file) !== 'LOCK' });
  return copy;
}

function journals(dataDir: string): string[] {
  return fs
    .readdirSync(dataDir)
    .filter((name) => /^journal(-\d+)?\.ndjson$/.test(name))
    .sort();
}

function lines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

function item(i: number): Item {
  return {
    _id: `d${i}`,
    n: 0,
    at: new Date(Date.UTC(2027, 0, 1) + i * 60_000),
    nested: { tag: `t${i % 7}`, deep: { k: i } },
    log: [],
    pad: 'x'.repeat(800),
  };
}

/** Seeds `count` items the way the journal records them, before the cloud opens the folder. */
function seed(dataDir: string, count: number): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const text = Array.from(
    { length: count },
    (_, i) => encodeRecord({ t: 'put', c: 'items', d: item(i) }) + '\n',
  ).join('');
  fs.writeFileSync(path.join(dataDir, JOURNAL_FILE), text);
}

/** Every item, by id (pages of 1,000). */
async function readAll(cloud: LocalCloud): Promise<Map<string, Item>> {
  const collection = cloud.cloud.database().collection('items');
  const { total } = await collection.count();
  const out = new Map<string, Item>();
  for (let skip = 0; skip < total; skip += 1000) {
    const { data } = await collection.skip(skip).limit(1000).get();
    for (const doc of data as unknown as Item[]) out.set(doc._id, doc);
  }
  return out;
}

/** Changes item `i` as an update appends it: a field set, a nested field set, a log item pushed. */
async function touch(cloud: LocalCloud, expected: Map<string, Item>, i: number, n: number) {
  const db = cloud.cloud.database();
  const before = expected.get(`d${i}`) ?? item(i);
  await db
    .collection('items')
    .doc(`d${i}`)
    .update({ data: { n, 'nested.deep.k': -n, log: db.command.push([{ n }]) } });
  expected.set(`d${i}`, {
    ...before,
    n,
    nested: { ...before.nested, deep: { k: -n } },
    log: [...before.log, { n }],
  });
}

async function expectItems(cloud: LocalCloud, expected: Map<string, Item>, count: number) {
  const all = await readAll(cloud);
  expect(all.size).toBe(count);
  for (const [id, doc] of expected) expect(all.get(id)).toEqual(doc);
  // Items never touched are as seeded.
  for (const i of [0, 1, count - 1])
    if (!expected.has(`d${i}`)) expect(all.get(`d${i}`)).toEqual(item(i));
}

describe('snapshot and journal', () => {
  it('reopening after writes (and after a crash) gives the same data', async () => {
    const dataDir = path.join(root, 'data');
    seed(dataDir, 50);
    const cloud = await open(dataDir);
    const db = cloud.cloud.database();
    const expected = new Map<string, Item>();
    for (let i = 0; i < 20; i++) await touch(cloud, expected, i % 5, i + 1);
    await db.collection('items').doc('d7').remove();
    await db.collection('items').add({ data: item(100) });
    expected.set('d100', item(100));
    const before = await readAll(cloud);
    const crashed = crashCopy(dataDir);
    await close(cloud);

    for (const dir of [dataDir, crashed]) {
      const reopened = await open(dir);
      expect(await readAll(reopened)).toEqual(before);
      await expectItems(reopened, expected, 50);
      expect(before.has('d7')).toBe(false);
    }
    // Closed cleanly: one snapshot line per document after its header, no journal left to replay.
    expect(lines(path.join(dataDir, SNAPSHOT_FILE))).toHaveLength(1 + 50);
    expect(journals(dataDir).map((name) => lines(path.join(dataDir, name)).length)).toEqual([0]);
  });

  it('replays the journal written after a snapshot, change by change', async () => {
    const dataDir = path.join(root, 'data');
    seed(dataDir, 200);
    const cloud = await open(dataDir);
    const expected = new Map<string, Item>();
    await touch(cloud, expected, 3, 1);
    await cloud.compact();
    expect(cloud.stats().journalBytes).toBe(0);
    for (let n = 2; n <= 30; n++) await touch(cloud, expected, n % 4, n);
    const crashed = crashCopy(dataDir);

    // The snapshot holds the state at compaction; the journal since holds only the 29 changes.
    expect(lines(path.join(crashed, SNAPSHOT_FILE))).toHaveLength(1 + 200);
    const [since, ...more] = journals(crashed);
    expect(more).toEqual([]);
    const changes = lines(path.join(crashed, since as string));
    expect(changes).toHaveLength(29);
    for (const line of changes) expect(line.length).toBeLessThan(300); // the change, not the 1 KB item
    const reopened = await open(crashed);
    await expectItems(reopened, expected, 200);
  });

  it('ignores a torn last journal line and keeps what came before, also after later writes', async () => {
    const dataDir = path.join(root, 'data');
    seed(dataDir, 10);
    const cloud = await open(dataDir);
    const expected = new Map<string, Item>();
    await cloud.compact();
    for (let n = 1; n <= 5; n++) await touch(cloud, expected, n, n);
    const crashed = crashCopy(dataDir);
    const newest = journals(crashed).at(-1) as string;
    // The crash cut an append short: a line without its end, never acknowledged.
    fs.appendFileSync(
      path.join(crashed, newest),
      '{"t":"patch","c":"items","id":"d1","s":[[["n"],99',
    );

    const reopened = await open(crashed);
    await expectItems(reopened, expected, 10);
    // Appends go on after the last whole line, so the next start still reads every line.
    await touch(reopened, expected, 1, 6);
    const again = crashCopy(crashed);
    await expectItems(await open(again), expected, 10);
  });

  it('loses nothing and applies nothing twice when a crash interrupts a compaction', async () => {
    const dataDir = path.join(root, 'data');
    const COUNT = 3000; // about 3 MB of snapshot: the compaction spans many slices
    seed(dataDir, COUNT);
    const cloud = await open(dataDir);
    const expected = new Map<string, Item>();
    // A first snapshot, then changes after it: the journal they are in holds patches only.
    await cloud.compact();
    for (let n = 1; n <= 10; n++) await touch(cloud, expected, n, n);

    const crashes: { dir: string; expected: Map<string, Item> }[] = [];
    const beforeCompaction = crashCopy(dataDir);
    let done = false;
    const compaction = cloud.compact().then(() => (done = true));
    let n = 10;
    while (!done) {
      // Writes go on during the compaction (into the new journal); crash after each.
      n += 1;
      await touch(cloud, expected, n % 20, n);
      crashes.push({ dir: crashCopy(dataDir), expected: new Map(expected) });
    }
    await compaction;
    const midway = crashes.filter(({ dir }) =>
      fs.readdirSync(dir).some((name) => name.endsWith('.tmp')),
    );
    expect(midway.length).toBeGreaterThan(0); // some crashes did hit a half-written snapshot

    // A crash between installing the snapshot and deleting the journals it covers: those
    // journals (with their log pushes) are still there, and must not be replayed again.
    const afterRename = crashCopy(dataDir);
    for (const name of journals(beforeCompaction)) {
      fs.copyFileSync(path.join(beforeCompaction, name), path.join(afterRename, name));
    }
    crashes.push({ dir: afterRename, expected: new Map(expected) });

    for (const crash of crashes) {
      const reopened = await open(crash.dir);
      await expectItems(reopened, crash.expected, COUNT);
      await close(reopened);
      expect(fs.readdirSync(crash.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  }, 120_000);

  it('a reset during a compaction stays a reset', async () => {
    const dataDir = path.join(root, 'data');
    seed(dataDir, 3000);
    const cloud = await open(dataDir);
    const compaction = cloud.compact();
    await cloud.reset();
    await compaction;
    await cloud.cloud
      .database()
      .collection('items')
      .add({ data: item(1) });
    const crashed = crashCopy(dataDir);
    await close(cloud);
    for (const dir of [dataDir, crashed]) {
      const reopened = await open(dir);
      expect([...(await readAll(reopened)).keys()]).toEqual(['d1']);
      await close(reopened);
    }
  });
});
