/**
 * The journal records a small update of a large document as the change, not the document
 * again, and replays it to the same document (DESIGN §5 persistence; issue 12 item 2).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloud, SNAPSHOT_FILE } from '../../../tools/local-cloud';
import { applyPatch, diffDocs } from '../../../tools/local-cloud/document-diff';
import type { StoredDoc } from '../../../tools/local-cloud/document-values';
import { decodeRecord, encodeRecord } from '../../../tools/local-cloud/journal';

const FUNCTIONS = path.join(__dirname, 'fixtures', 'durable');

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-journal-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** What a document is once written to the journal and read back. */
function asStored(doc: StoredDoc): StoredDoc {
  const record = decodeRecord(encodeRecord({ t: 'put', c: 'c', d: doc }));
  if (record.t !== 'put') throw new Error('not a put');
  return record.d;
}

describe('document patches', () => {
  it('rebuild any document from the one before, through the journal', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.date({ noInvalidDate: true }),
      fc.array(fc.date({ noInvalidDate: true }), { maxLength: 3 }),
    );
    const doc = fc
      .dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 6 })
      .map((fields) => ({ ...fields, _id: 'd' }) as StoredDoc);
    fc.assert(
      fc.property(doc, doc, fc.array(value, { maxLength: 3 }), (a, b, appended) => {
        const before = asStored(a);
        // Growing arrays, as a case's log grows, are recorded as appends.
        const after = asStored({
          ...b,
          grown: [...(Array.isArray(before.grown) ? before.grown : []), ...appended],
        } as StoredDoc);
        const entry = decodeRecord(
          encodeRecord({ t: 'patch', c: 'c', id: 'd', ...diffDocs(before, after) }),
        );
        if (entry.t !== 'patch') throw new Error('not a patch');
        expect(asStored(applyPatch(before, entry))).toEqual(after);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the version the indexes hold unchanged', () => {
    const before = { _id: 'd', nested: { a: 1, b: { c: 2 } }, log: [1] } as StoredDoc;
    const frozen = JSON.stringify(before);
    const after = applyPatch(
      before,
      diffDocs(before, { _id: 'd', nested: { a: 1, b: { c: 3 } }, log: [1, 2] }),
    );
    expect(after).toEqual({ _id: 'd', nested: { a: 1, b: { c: 3 } }, log: [1, 2] });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

describe('journal growth', () => {
  it('1,000 small updates of a 100 KB document grow the journal by far less than 100 MB', async () => {
    const cloud = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    const db = cloud.cloud.database();
    const _ = db.command;
    const doc = db.collection('cases').doc('big');
    try {
      await doc.set({ data: { blob: 'x'.repeat(100_000), n: 0, events: [], at: new Date(0) } });
      const start = cloud.stats().journalBytes;
      for (let n = 1; n <= 1000; n++) {
        await doc.update({
          data: n % 10 === 0 ? { n, events: _.push([{ seq: n }]) } : { n, at: new Date(n) },
        });
      }
      const grown = cloud.stats().journalBytes - start;
      // Before: each update re-appended the whole document (1,000 × 100 KB = 100 MB).
      expect(grown).toBeLessThan(200_000);
    } finally {
      await cloud.close();
    }

    const reopened = await createLocalCloud({
      dataDir,
      functionsDir: FUNCTIONS,
      realTimeTimers: false,
    });
    try {
      const { data } = (await reopened.cloud.database().collection('cases').doc('big').get()) as {
        data: { n: number; blob: string; events: { seq: number }[] };
      };
      expect(data).toMatchObject({ n: 1000, at: new Date(999) });
      expect(data.blob).toHaveLength(100_000);
      expect(data.events).toHaveLength(100);
      expect(data.events[99]).toEqual({ seq: 1000 });
      // Closed cleanly: the snapshot holds the document once (after its header), nothing to replay.
      expect(
        fs.readFileSync(path.join(dataDir, SNAPSHOT_FILE), 'utf8').trim().split('\n'),
      ).toHaveLength(2);
      expect(reopened.stats().journalBytes).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
