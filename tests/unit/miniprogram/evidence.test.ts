import { formalitiesCase } from '../../components/fixtures/case-view';
import { evidenceView, shortHash } from '../../../miniprogram/view-models/evidence';

describe('evidence view', () => {
  const events = formalitiesCase().events;
  const waiver = {
    seq: 2,
    type: 'checklist.waive' as const,
    actor: { openid: 'openid-hr', role: 'hr' as const },
    at: '2027-04-02T01:30:00Z',
    payload: { item: 'handover_list', note: '员工失联' },
    prevHash: '2'.repeat(64),
    hash: '3'.repeat(64),
  };

  it('reports a sound chain and shortens each record’s hash', () => {
    const view = evidenceView(
      {
        valid: true,
        chainHead: '2'.repeat(64),
        letterHash: null,
        signatureHash: null,
        mismatches: [],
        checks: { chain: true, fields: true, anchors: true, files: true },
        letters: { submitted: null, signed: null },
        events,
      },
      [],
    );
    expect(view.verdict).toBe('校验通过：记录完整，未被篡改');
    expect(view.letterHash).toBe('—');
    expect(view.signatureWaived).toBe(false);
    expect(view.events[1]).toEqual({
      seq: 1,
      title: '部门审批通过',
      who: '部门经理',
      at: '2027-03-02 16:15',
      shortHash: '222222222222',
      waived: false,
      waiverText: '',
      broken: false,
    });
    expect(shortHash('abcdef0123456789')).toBe('abcdef012345');
  });

  it('names the broken record and marks waivers with their item and reason', () => {
    const view = evidenceView(
      {
        valid: false,
        brokenAt: 1,
        chainHead: '3'.repeat(64),
        letterHash: null,
        signatureHash: null,
        mismatches: [],
        checks: { chain: true, fields: true, anchors: true, files: true },
        letters: { submitted: null, signed: null },
        events: [...events, waiver],
      },
      [],
    );
    expect(view.verdict).toBe('校验失败：第 1 条记录被篡改');
    expect(view.events.map((e) => e.broken)).toEqual([false, true, false]);
    expect(view.events[2]?.waiverText).toBe('已豁免：工作交接清单（原因：员工失联）');
  });

  it('says the signature was waived when a sign item was', () => {
    const view = evidenceView(
      {
        valid: true,
        chainHead: '3'.repeat(64),
        letterHash: null,
        signatureHash: null,
        mismatches: [],
        checks: { chain: true, fields: true, anchors: true, files: true },
        letters: { submitted: null, signed: null },
        events: [...events, { ...waiver, payload: { item: 'sign_receipt', note: '拒绝签收' } }],
      },
      [{ item: 'sign_receipt', label: '签收《解除劳动合同通知书》' }],
    );
    expect(view.signatureWaived).toBe(true);
    expect(view.events[2]?.waiverText).toBe('已豁免：签收《解除劳动合同通知书》（原因：拒绝签收）');
  });

  it('names each disagreement in Chinese under the check it belongs to', () => {
    const view = evidenceView(
      {
        valid: false,
        chainHead: '3'.repeat(64),
        letterHash: null,
        signatureHash: null,
        mismatches: [
          { field: 'events[4].guard', stored: 'later_day_consented', replayed: false },
          { field: 'waivers[0].note', stored: '改过', replayed: '员工失联' },
          { field: 'signature.file', stored: 'a'.repeat(64), replayed: 'b'.repeat(64) },
          { field: 'anchors.2027-03-02.digest', stored: null, replayed: 'c'.repeat(64) },
          { field: 'someNewField', stored: 1, replayed: 2 },
        ],
        checks: { chain: false, fields: false, anchors: false, files: false },
        letters: { submitted: null, signed: null },
        events,
      },
      [],
    );
    expect(view.verdict).toBe('校验失败：记录链、案件数据与记录一致、每日存证锚点、证据文件未通过');
    expect(view.checks.map((c) => c.ok)).toEqual([false, false, false, false]);
    expect(view.problems).toEqual([
      { check: '记录链', text: '第 4 条记录的前提条件：记录为 later_day_consented，按规则应为 否' },
      {
        check: '案件数据与记录一致',
        text: '第 1 个豁免记录的备注：案件中为 改过，按记录重放应为 员工失联',
      },
      { check: '证据文件', text: '签名图像文件：保管时哈希为 aaaaaaaaaaaa，现为 bbbbbbbbbbbb' },
      {
        check: '每日存证锚点',
        text: '2027-03-02 的每日存证锚点（摘要）：锚点记录为 （无），现有记录链为 cccccccccccc',
      },
      { check: '案件数据与记录一致', text: 'someNewField：案件中为 1，按记录重放应为 2' },
    ]);
  });
});

describe('letters kept as given (issue 11 item 10)', () => {
  it('shows the submitted and the signed text with their hashes, and says when one no longer matches', () => {
    const view = evidenceView(
      {
        valid: false,
        chainHead: '2'.repeat(64),
        letterHash: 'b'.repeat(64),
        signatureHash: null,
        mismatches: [
          { field: 'signature.letterText', stored: '辞职书（改）', replayed: '辞职书' },
          { field: 'documents.signed_letter.file', stored: 'c'.repeat(64), replayed: null },
        ],
        checks: { chain: true, fields: false, anchors: true, files: false },
        events: [],
        letters: {
          submitted: { text: '辞职书\n\n示例公司：', sha256: 'a'.repeat(64), matches: true },
          signed: { text: '辞职书（改）', sha256: 'b'.repeat(64), matches: false },
        },
      },
      [],
    );
    expect(view.letters).toEqual([
      {
        title: '提交的通知原文',
        text: '辞职书\n\n示例公司：',
        sha256: 'a'.repeat(64),
        matches: true,
      },
      { title: '签署的文书原文', text: '辞职书（改）', sha256: 'b'.repeat(64), matches: false },
    ]);
    expect(view.problems.map((p) => p.text)).toEqual([
      '签署的文书原文：案件中为 辞职书（改），按记录重放应为 辞职书',
      '文书「已签署的辞职书」的文件内容：文件已缺失（保管时哈希 cccccccccccc）',
    ]);
  });

  it('第23/24条: shows the 《竞业限制决定告知书》 as written, beside the letters', () => {
    const view = evidenceView(
      {
        valid: true,
        chainHead: '2'.repeat(64),
        letterHash: null,
        signatureHash: null,
        mismatches: [],
        checks: { chain: true, fields: true, anchors: true, files: true },
        events: [],
        letters: {
          submitted: null,
          signed: null,
          nonCompete: { text: '《竞业限制决定告知书》', sha256: 'd'.repeat(64), matches: true },
        },
      },
      [],
    );
    expect(view.letters).toEqual([
      {
        title: '竞业限制决定告知书原文',
        text: '《竞业限制决定告知书》',
        sha256: 'd'.repeat(64),
        matches: true,
      },
    ]);
  });
});
