/** @jest-environment jsdom */
/**
 * 需电话联系 on the board: a row with the employee's mobile on file offers 拨打电话 (the
 * server sends the mobile only to HR and the employee's manager, on rows that need a call);
 * the dialer opens and the call is recorded on the case.
 */
import { openPage } from './fixtures/page';
import { hrSession, managerSession } from './fixtures/session';
import { allText, settle, setUp, tapButton, type App, type Comp, type WxMocks } from './harness';

function row(i: number, extra: Record<string, unknown> = {}) {
  return {
    caseId: `case-${i}`,
    kind: 'resignation',
    employeeNo: `D00${i}`,
    name: `员工${i}`,
    department: '研发部',
    reason: 'resignation',
    state: 'formalities',
    enteredAt: '2027-03-01T02:00:00Z',
    overdue: false,
    needsCall: true,
    ...extra,
  };
}

describe('board: tap to call (需电话联系)', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let app: App;
  let makePhoneCall: jest.Mock;

  beforeEach(() => {
    ({ simulate, wx, app } = setUp());
    makePhoneCall = jest.fn((opts: { success?: () => void }) => opts.success?.());
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.makePhoneCall = makePhoneCall;
  });

  const board = (rows: unknown[]) =>
    wx.answer('admin.board', {
      counts: { formalities: rows.length },
      finishedSince: '2027-01-01',
      rows,
    });

  it.each([
    ['HR', hrSession],
    ['the manager', managerSession],
  ])(
    '%s: the call button shows only on a row with a mobile on file, and dials it',
    async (_who, session) => {
      app.globalData.session = session;
      board([row(1, { mobile: '13912345678' }), row(2), row(3, { needsCall: false })]);
      wx.answer('case.recordContact', { caseId: 'case-1', state: 'formalities', version: 7 });
      const page = await openPage(simulate, 'pages/cases/index');

      const rows = page.querySelectorAll('.row');
      expect(allText(rows[0] as Comp)).toContain('拨打电话');
      expect(allText(rows[1] as Comp)).toContain('需电话联系');
      expect(allText(rows[1] as Comp)).not.toContain('拨打电话');
      expect(allText(rows[2] as Comp)).not.toContain('拨打电话');

      tapButton(page, '#call-case-1');
      await settle(simulate, 4);
      expect(makePhoneCall).toHaveBeenCalledWith(
        expect.objectContaining({ phoneNumber: '13912345678' }),
      );
      expect(wx.calls).toContainEqual({
        action: 'case.recordContact',
        payload: { caseId: 'case-1', method: 'phone' },
      });
      expect(wx.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '已在案件中记录本次电话联系' }),
      );
      // Opening the row is not what the button does.
      expect(wx.navigateTo).not.toHaveBeenCalled();
    },
  );

  it('records nothing when the dialer is cancelled', async () => {
    app.globalData.session = hrSession;
    makePhoneCall.mockImplementation((opts: { fail?: () => void }) => opts.fail?.());
    board([row(1, { mobile: '13912345678' })]);
    const page = await openPage(simulate, 'pages/cases/index');
    tapButton(page, '#call-case-1');
    await settle(simulate, 4);
    expect(wx.calls.map((c) => c.action)).not.toContain('case.recordContact');
  });
});
