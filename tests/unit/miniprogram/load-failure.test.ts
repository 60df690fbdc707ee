import { loadFailure } from '../../../miniprogram/view-models/load-failure';

describe('a failed page load', () => {
  it.each([
    ['NETWORK', '网络连接失败，请检查网络后重试'],
    ['INTERNAL', '服务暂时不可用，请稍后再试'],
    ['CONFLICT', '案件刚被他人更新，请重试'],
  ])('offers 重试 when %s may pass', (code, message) => {
    expect(loadFailure({ code, message })).toEqual({
      errorMessage: message,
      errorHint: '',
      canRetry: true,
    });
  });

  it.each([
    ['FORBIDDEN', '只有 HR 和部门经理可以查看看板', /联系HR/],
    ['NOT_FOUND', '案件不存在', /返回首页/],
    ['VALIDATION_FAILED', '翻页位置无效，请刷新后从第一页查看', /重新进入/],
    ['UNAUTHENTICATED', '请先绑定', /绑定员工身份/],
  ])('offers no 重试 for %s, and says what to do instead', (code, message, hint) => {
    const failure = loadFailure({ code, message });
    expect(failure.canRetry).toBe(false);
    expect(failure.errorMessage).toBe(message);
    expect(failure.errorHint).toMatch(hint);
  });
});
