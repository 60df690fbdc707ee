import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloud, JOURNAL_FILE, SNAPSHOT_FILE } from '../../../tools/local-cloud';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(REPO, 'tools', 'local-cloud', 'server.ts');
const FUNCTIONS = path.join(__dirname, 'fixtures', 'durable');
const WRITES = 1000;

let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-durability-'));
});
afterEach(() => {
  // Only the processes this test started, by pid.
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `tsx server.ts` on a free port and resolves with its URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  // node itself runs the server (tsx as a loader, not the tsx CLI, which would fork a child that
  // SIGKILL would not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, PORT: '0', LOCAL_CLOUD_DIR: dataDir, FUNCTIONS_DIR: FUNCTIONS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /local-cloud listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening:\n${output}`)),
    );
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('durability', () => {
  it('keeps every acknowledged write across kill -9 and replays the journal at the next start', async () => {
    const first = await startServer();
    for (let n = 0; n < WRITES; n++) {
      const response = await fetch(`${first.url}/functions/writer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n }),
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startServer();
    const count = await fetch(`${second.url}/__admin/stats`);
    expect(count.status).toBe(200);
    second.child.kill('SIGKILL');
    await exited(second.child);

    // Read the data folder back in-process: all 1,000 documents, one journal line each (opening
    // replays the journal; it does not rewrite it).
    const cloud = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    try {
      const db = cloud.cloud.database();
      expect((await db.collection('writes').count()).total).toBe(WRITES);
      expect((await db.collection('writes').doc('w999').get()).data.n).toBe(999);
      const lines = fs
        .readFileSync(path.join(dataDir, 'journal.ndjson'), 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(WRITES);
    } finally {
      await cloud.close();
    }
  }, 120000);

  it('keeps every acknowledged small update of a large document across kill -9', async () => {
    const UPDATES = 300;
    const first = await startServer();
    for (let n = 0; n <= UPDATES; n++) {
      const response = await fetch(`${first.url}/functions/updater`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n }),
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    // One 100 KB document, then 300 updates that append only what they change.
    expect(fs.statSync(path.join(dataDir, JOURNAL_FILE)).size).toBeLessThan(
      100_000 + UPDATES * 400,
    );
    first.child.kill('SIGKILL');
    await exited(first.child);

    const cloud = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    try {
      const { data } = (await cloud.cloud.database().collection('big').doc('big').get()) as {
        data: {
          n: number;
          blob: string;
          log: { n: number }[];
          nested: Record<string, unknown>;
        };
      };
      expect(data.n).toBe(UPDATES);
      expect(data.blob).toHaveLength(100_000);
      expect(data.log).toHaveLength(UPDATES);
      expect(data.log[UPDATES - 1]).toEqual({ n: UPDATES });
      expect(data.nested.at).toEqual(new Date(UPDATES * 1000));
      expect(data.nested[`k${UPDATES % 7}`]).toBe(UPDATES);
      expect(data.nested[`k${(UPDATES - 1) % 7}`]).toBe(UPDATES - 1);
    } finally {
      await cloud.close();
    }
    // Compacted at close: the document is one snapshot line again (after the header).
    expect(
      fs.readFileSync(path.join(dataDir, SNAPSHOT_FILE), 'utf8').trim().split('\n'),
    ).toHaveLength(2);
  }, 120000);

  it('ignores a torn last journal line (a write that was never acknowledged)', async () => {
    const cloud = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    await cloud.cloud
      .database()
      .collection('c')
      .add({ data: { _id: 'kept' } });
    await cloud.cloud
      .database()
      .collection('c')
      .add({ data: { _id: 'also-kept' } });
    await cloud.close();
    // As if the next write had crashed mid-append: the newest journal ends in a line cut short.
    const newest = fs
      .readdirSync(dataDir)
      .filter((name) => name.startsWith('journal'))
      .sort()
      .at(-1) as string;
    fs.appendFileSync(path.join(dataDir, newest), '{"t":"put","c":"c","d":{"_id":"torn"');
    const reopened = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    try {
      expect((await reopened.cloud.database().collection('c').count()).total).toBe(2);
    } finally {
      await reopened.close();
    }
  });
});

describe('data folder lock', () => {
  it('refuses a second local cloud on a data folder in use, and frees it on close', async () => {
    const first = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    await expect(
      createLocalCloud({ dataDir, functionsDir: FUNCTIONS, realTimeTimers: false }),
    ).rejects.toThrow(/in use/);
    await first.close();
    const second = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    await second.close();
  });
});
