import { departureRow, departureRows } from '../../../miniprogram/view-models/departure-records';

describe('离职记录 rows', () => {
  it('a completed termination: the signed receipt and the issued 离职证明', () => {
    expect(
      departureRow({
        caseId: 'c1',
        kind: 'termination',
        reason: 'incompetence',
        state: 'completed',
        lastWorkingDay: '2027-04-30',
        endedAt: '2027-05-02T02:00:00.000Z',
        signedAt: '2027-04-02T02:00:00.000Z',
        evidenceCount: 5,
        certificate: 'issued',
        certificateIssuedAt: '2027-04-30T03:00:00.000Z',
      }),
    ).toMatchObject({
      title: '不能胜任工作 · 完成归档',
      signed: '《解除劳动合同通知书》已签收（4月2日）',
      evidence: '证据材料 5 份',
      certificate: '离职证明：已出具（4月30日）',
    });
  });

  it('nothing from an older server', () => {
    expect(departureRows(undefined)).toEqual([]);
  });
});
