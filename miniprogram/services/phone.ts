import { call } from './rpc';

export type PhoneCallResult =
  { status: 'recorded' } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * Opens the phone's dialer on the employee's mobile (`wx.makePhoneCall`, no privacy
 * declaration: it reads nothing of the user) and, once the dialer opened, records the call on
 * the case (`case.recordContact`). A cancelled dialer records nothing.
 */
export async function phoneEmployee(caseId: string, mobile: string): Promise<PhoneCallResult> {
  const opened = await new Promise<boolean>((resolve) => {
    wx.makePhoneCall({
      phoneNumber: mobile,
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
  if (!opened) return { status: 'cancelled' };
  const reply = await call('case.recordContact', { caseId, method: 'phone' });
  return reply.ok
    ? { status: 'recorded' }
    : { status: 'failed', message: `电话未记录：${reply.error.message}` };
}
