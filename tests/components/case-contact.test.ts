/** @jest-environment jsdom */
/**
 * The case page's ways to reach the employee: 电话联系员工 for HR and the manager when the
 * roster has a mobile (the server sends it only to them), HR's reminder with a short note, and
 * HR's note of an in-person exit interview (离职面谈记录), which never shows the answers.
 */
import type { ActionResult } from '../../server/contract';
import { formalitiesCase } from './fixtures/case-view';
import { meta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { employeeSession, hrSession, managerSession } from './fixtures/session';
import { allText, settle, setUp, tapButton, typeInto, type Comp, type WxMocks } from './harness';

type CaseView = ActionResult<'case.get'>;

const remindReply = { caseId: 'case-1', reminders: [] };

describe('case page: reaching the employee', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let makePhoneCall: jest.Mock;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
    wx.answer('case.documents', { documents: [], pending: [], certificateStatesReason: null });
    makePhoneCall = jest.fn((opts: { success?: () => void }) => opts.success?.());
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.makePhoneCall = makePhoneCall;
  });

  const withOffers = (extra: Partial<CaseView> = {}): CaseView => ({
    ...formalitiesCase(),
    allowedActions: [{ action: 'case.remind' }],
    blockedActions: [],
    ...extra,
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/case/pages/detail/index', { caseId: 'case-1' });

  function payloadOf(action: string): unknown {
    return wx.calls.find((c) => c.action === action)?.payload;
  }

  it.each([
    ['HR', hrSession],
    ['the manager', managerSession],
  ])(
    '%s with a mobile on file: 电话联系员工 dials it and records the call',
    async (_who, session) => {
      wx.answer('me.get', session);
      wx.answer('case.get', withOffers({ contact: { mobile: '13912345678' } }));
      wx.answer('case.recordContact', { caseId: 'case-1', state: 'formalities', version: 9 });
      const page = await open();
      expect(allText(page)).toContain('电话联系员工 13912345678');
      tapButton(page, '#call');
      await settle(simulate, 8);
      expect(makePhoneCall).toHaveBeenCalledWith(
        expect.objectContaining({ phoneNumber: '13912345678' }),
      );
      expect(payloadOf('case.recordContact')).toEqual({ caseId: 'case-1', method: 'phone' });
    },
  );

  it('no mobile on file (or the employee themself): no call button', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', { ...formalitiesCase(), allowedActions: [], blockedActions: [] });
    const page = await open();
    expect(page.querySelector('#call')).toBeUndefined();
    expect(allText(page)).not.toContain('电话联系员工');
  });

  it('HR sends a reminder with a short note', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', withOffers());
    wx.answer('case.remind', remindReply);
    const page = await open();
    tapButton(page, '#remind-note');
    await settle(simulate);
    expect(allText(page)).toContain('发送带附言的提醒');
    // An empty note sends nothing: the plain 发送提醒 is for that.
    tapButton(page, '#pending-confirm');
    await settle(simulate, 4);
    expect(payloadOf('case.remind')).toBeUndefined();

    typeInto(page, '#comment', '请今天下班前签署');
    await settle(simulate);
    tapButton(page, '#pending-confirm');
    await settle(simulate, 8);
    expect(payloadOf('case.remind')).toEqual({ caseId: 'case-1', note: '请今天下班前签署' });
  });

  it('HR keeps the note of an in-person interview; the answers are not shown', async () => {
    wx.answer('interview.get', {
      caseId: 'case-1',
      title: '离职面谈（自愿）',
      voluntary: '自愿填写，不影响任何离职手续',
      canAnswer: false,
      answered: true,
    });
    wx.answer('case.interviewNote', { caseId: 'case-1', notedAt: '2027-03-05T02:00:00.000Z' });
    const page = await openPage(simulate, 'packages/case/pages/interview/index', {
      caseId: 'case-1',
    });
    expect(allText(page)).toContain('员工已填写问卷（回答只在离职面谈统计中汇总显示）');
    typeInto(page, '#note', '当面面谈：希望保持联系');
    await settle(simulate);
    tapButton(page, '#save-note');
    await settle(simulate, 6);
    expect(payloadOf('case.interviewNote')).toEqual({
      caseId: 'case-1',
      note: '当面面谈：希望保持联系',
    });
  });
});
