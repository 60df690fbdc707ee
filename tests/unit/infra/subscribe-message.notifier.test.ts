import { validField } from '../../../tools/local-cloud/subscribe-message';
import { fit, messageData, wechatTime } from '../../../server/infra/subscribe-message.notifier';

const content = {
  phrase: '严肃提醒',
  task: '签收《解除劳动合同通知书》并上传所有离职交接材料的扫描件',
  note: '已8天未完成，HR将跟进处理',
  person: '欧阳娜娜娜娜娜娜娜娜娜',
  at: '2027-03-01T02:05:00.000Z',
  caseId: 'c4963d4753336631250768da2',
};

describe('subscription message fields (WeChat limits)', () => {
  it('writes times as 2027年3月1日 10:00 in Beijing time', () => {
    expect(wechatTime('2027-03-01T02:05:00.000Z')).toBe('2027年3月1日 10:05');
    expect(wechatTime('2027-02-28T16:00:00.000Z')).toBe('2027年3月1日 00:00');
  });

  it('cuts a thing to 20 characters ending in …', () => {
    expect(fit('一二三四五六七八九十一二三四五六七八九十一', 20)).toBe(
      '一二三四五六七八九十一二三四五六七八九…',
    );
    expect(fit('短', 20)).toBe('短');
  });

  it('fills every field by its type and stays within each limit', () => {
    const keys = ['thing1', 'time2', 'phrase3', 'thing4', 'name5', 'character_string6'];
    const data = messageData(keys, content);
    expect(data.phrase3?.value).toBe('严肃提醒');
    expect(data.time2?.value).toBe('2027年3月1日 10:05');
    expect(data.thing4?.value).toBe('已8天未完成，HR将跟进处理');
    for (const key of keys) {
      const type = key.replace(/\d+$/, '') as Parameters<typeof validField>[0];
      expect([key, validField(type, data[key]?.value ?? '')]).toEqual([key, true]);
    }
  });

  it('puts the phrase before the note when the template has no phrase field', () => {
    const data = messageData(['thing1', 'name2', 'date3', 'thing4'], {
      ...content,
      phrase: '预警通知',
      note: '请电话联系员工或书面送达',
    });
    expect(data.thing4?.value).toBe('预警通知：请电话联系员工或书面送达');
    expect(validField('date', data.date3?.value ?? '')).toBe(true);
  });
});
