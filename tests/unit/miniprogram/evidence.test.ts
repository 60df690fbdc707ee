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
        events: [...events, { ...waiver, payload: { item: 'sign_receipt', note: '拒绝签收' } }],
      },
      [{ item: 'sign_receipt', label: '签收《解除劳动合同通知书》' }],
    );
    expect(view.signatureWaived).toBe(true);
    expect(view.events[2]?.waiverText).toBe('已豁免：签收《解除劳动合同通知书》（原因：拒绝签收）');
  });
});
