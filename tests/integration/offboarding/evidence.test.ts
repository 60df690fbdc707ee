/**
 * DESIGN §3 "Audit trail": verification is a replay, not a read. The stored case is edited
 * with the host's own SDK, as someone with the database would, and the log re-chained.
 */
import { createHash } from 'crypto';
import canonicalize from 'canonicalize';
import { type Company, startCompany } from './company-harness';

interface Mismatch {
  field: string;
  stored: unknown;
  replayed: unknown;
}
interface Evidence {
  valid: boolean;
  brokenAt?: number;
  chainHead: string | null;
  letterHash: string | null;
  signatureHash: string | null;
  mismatches: Mismatch[];
  checks: { chain: boolean; fields: boolean; anchors: boolean; files: boolean };
  events: { seq: number; type: string; actor: { openid: string } }[];
}
interface StoredEvent {
  caseId: string;
  seq: number;
  type: string;
  actor: unknown;
  at: string;
  payload: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let company: Company;
beforeAll(async () => {
  company = await startCompany();
});
afterAll(() => company.dispose());

const hr = () => company.person('H001').openid;
const cases = () => company.cloud.cloud.database().collection('cases');
const _ = () => company.cloud.cloud.database().command;

async function evidence(caseId: string, openid = hr()): Promise<Evidence> {
  return company.must<Evidence>(openid, 'case.evidence', { caseId });
}

async function stored(
  caseId: string,
): Promise<Record<string, unknown> & { events: StoredEvent[] }> {
  const { data } = await cases().doc(caseId).get();
  return data as Record<string, unknown> & { events: StoredEvent[] };
}

/**
 * Every hash recomputed after an edit, and the case's head moved to match; a careful attacker
 * also moves the head each logged view recorded.
 */
async function rechain(caseId: string, edit: (e: StoredEvent) => StoredEvent): Promise<void> {
  const doc = await stored(caseId);
  let prev: string | null = null;
  const events = doc.events.map((original) => {
    const e = edit(original);
    const { caseId: id, seq, type, actor, at } = e;
    const payload = type === 'evidence.view' ? { ...e.payload, chainHead: prev } : e.payload;
    const unhashed = { caseId: id, seq, type, actor, at, payload, prevHash: prev };
    const hash = sha256(canonicalize(unhashed) ?? '');
    prev = hash;
    return { ...unhashed, hash };
  });
  await cases()
    .doc(caseId)
    .update({ data: { events: _().set(events), lastEventHash: prev } });
}

async function signedCase(): Promise<string> {
  const owner = await company.hire('M001');
  const { caseId } = await company.closeable(owner);
  return caseId;
}

describe('case.evidence replays the log', () => {
  it('finds every case of the demo company sound, in every state', async () => {
    for (const [state, caseId] of Object.entries(company.cases)) {
      const verdict = await evidence(caseId);
      expect({ state, valid: verdict.valid, mismatches: verdict.mismatches }).toEqual({
        state,
        valid: true,
        mismatches: [],
      });
      expect(verdict.checks).toEqual({ chain: true, fields: true, anchors: true, files: true });
    }
  });

  it.each([
    ['state', 'completed'],
    ['lastWorkingDay', '2027-12-31'],
    ['signature.letterHash', 'a'.repeat(64)],
    ['signature.hash', 'b'.repeat(64)],
  ])('names a stored %s edited in the database', async (field, edited) => {
    const caseId = await signedCase();
    const before = await evidence(caseId);
    expect(before.valid).toBe(true);
    const original = await stored(caseId);
    const path = field.split('.');
    const originalValue = path.reduce<unknown>(
      (v, key) => (v as Record<string, unknown>)[key],
      original,
    );

    await cases()
      .doc(caseId)
      .update({ data: { [field]: edited } });
    const verdict = await evidence(caseId);

    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches).toContainEqual({ field, stored: edited, replayed: originalValue });
    expect(verdict.checks.fields).toBe(false);
    // The answer's hashes come from the log, not from the edited case.
    expect(verdict.letterHash).toBe(before.letterHash);
    expect(verdict.signatureHash).toBe(before.signatureHash);
  });

  it('catches a log edited and re-chained, with or without the case edited to match', async () => {
    const caseId = await signedCase();
    const later = (e: StoredEvent): StoredEvent =>
      e.type === 'hr.confirm'
        ? { ...e, payload: { ...e.payload, lastWorkingDay: '2027-04-30' } }
        : e;
    await rechain(caseId, later);

    const verdict = await evidence(caseId);
    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches.map((m) => m.field)).toContain('lastWorkingDay');

    // The attacker also edits the case: the consent rule still disagrees, and the letter kept
    // as signed (never rendered again) still names the day the employee signed for.
    await cases()
      .doc(caseId)
      .update({ data: { lastWorkingDay: '2027-04-30' } });
    await rechain(caseId, (e) => e);
    const again = await evidence(caseId);
    const confirm = (await stored(caseId)).events.find((e) => e.type === 'hr.confirm');
    const sign = (await stored(caseId)).events.find((e) => e.type === 'case.sign');
    expect(again.valid).toBe(false);
    expect(again.brokenAt).toBe(confirm?.seq);
    expect(again.mismatches.map((m) => m.field)).toEqual(
      expect.arrayContaining([`events[${confirm?.seq}].guard`]),
    );
    expect(sign?.payload.letterText).toEqual(expect.not.stringContaining('2027年4月30日'));
    expect(again.checks.chain).toBe(false);
  });

  it('re-hashes each evidence file against the hash recorded at custody', async () => {
    const caseId = await signedCase();
    const doc = await stored(caseId);
    const attachments = doc.attachments as { evidenceFileId: string; sha256: string }[];
    const copy = attachments[0];
    const signature = doc.signature as { hash: string; evidenceFileId: string };
    expect(signature.evidenceFileId).toContain(`/evidence/${caseId}/signature/`);
    const path = (fileId: string) => fileId.replace(/^cloud:\/\/[^/]+\//, '');

    await company.cloud.cloud.uploadFile({
      cloudPath: path(String(copy?.evidenceFileId)),
      fileContent: Buffer.from('%PDF-1.4 something else'),
    });
    await company.cloud.cloud.deleteFile({ fileList: [signature.evidenceFileId] });
    const verdict = await evidence(caseId);

    expect(verdict.valid).toBe(false);
    expect(verdict.checks).toMatchObject({ files: false, fields: true, chain: true });
    expect(verdict.mismatches).toEqual([
      {
        field: 'attachments[0].file',
        stored: copy?.sha256,
        replayed: sha256('%PDF-1.4 something else'),
      },
      { field: 'signature.file', stored: signature.hash, replayed: null },
    ]);
  });
});

describe('the daily anchors', () => {
  it('fail a log re-chained after its day was anchored, even where no stored field changed', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.hrReview(owner);
    // The first run after 00:00 Beijing anchors the day before.
    await company.cloud.clock.jump(new Date('2027-03-01T16:30:00.000Z'));
    await company.cloud.fireTrigger('reminders');
    const sound = await evidence(caseId);
    expect(sound).toMatchObject({ valid: true, mismatches: [] });
    expect(sound.checks.anchors).toBe(true);

    // A comment no stored field repeats: only the anchor outside the database can tell.
    await rechain(caseId, (e) =>
      e.type === 'review.approve' ? { ...e, payload: { ...e.payload, comment: '同意' } } : e,
    );
    const verdict = await evidence(caseId);

    expect(verdict.valid).toBe(false);
    expect(verdict.checks).toMatchObject({ anchors: false, fields: true });
    expect(verdict.mismatches).toEqual([expect.objectContaining({ field: 'anchors.2027-03-01' })]);
    expect(verdict.brokenAt).toBeGreaterThan(0);
  });
});

describe('views of evidence (bounded growth)', () => {
  it('logs 50 views in a day by one person as one event, and each person and day once', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.formalities(owner);
    const before = (await stored(caseId)).events.length;

    for (let i = 0; i < 50; i += 1) await evidence(caseId);
    const after = await stored(caseId);
    const views = after.events.filter((e) => e.type === 'evidence.view');
    expect(after.events.length).toBe(before + 1);
    expect(views).toHaveLength(1);

    await evidence(caseId, owner.openid);
    await evidence(caseId, owner.openid);
    expect((await stored(caseId)).events.length).toBe(before + 2);

    const now = company.cloud.clock.now();
    await company.cloud.clock.jump(new Date(now.getTime() + 86_400_000));
    const verdict = await evidence(caseId);
    expect((await stored(caseId)).events.length).toBe(before + 3);
    expect(verdict.valid).toBe(true);
  });
});
