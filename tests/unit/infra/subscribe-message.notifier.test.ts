import { validField } from '../../../tools/local-cloud/subscribe-message';
import {
  cut,
  fit,
  isWechatPhrase,
  messageData,
  refusedField,
  subscribeMessageNotifier,
  wechatTime,
} from '../../../server/infra/subscribe-message.notifier';
import { REMINDER_KIND_PHRASES } from '../../../server/domain/reminder-kinds';

/** A lone half of a surrogate pair: what a cut by UTF-16 units leaves behind. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const chars = (text: string) => Array.from(text).length;

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

describe('cutting by characters, as WeChat counts them', () => {
  it('never breaks a surrogate pair: an emoji at the cut point stays whole', () => {
    // 18 + 1 + 3 = 22 characters, 23 UTF-16 units; the emoji sits on the 19th character.
    const text = `${'一'.repeat(18)}😀好的呀`;
    const cutText = fit(text, 20);
    expect(cutText).toBe(`${'一'.repeat(18)}😀…`);
    expect(LONE_SURROGATE.test(cutText)).toBe(false);
    // 20 characters although 21 UTF-16 units: within WeChat's limit, and the emulator agrees.
    expect([chars(cutText), cutText.length]).toEqual([20, 21]);
    expect(validField('thing', cutText)).toBe(true);
  });

  it('keeps a rare CJK character (outside the BMP) whole at the cut point', () => {
    const text = `${'二'.repeat(18)}𠀀𠀁𠀂`;
    const cutText = fit(text, 20);
    expect(cutText).toBe(`${'二'.repeat(18)}𠀀…`);
    expect(LONE_SURROGATE.test(cutText)).toBe(false);
  });

  it('keeps an emoji sequence whole or leaves it out, never a part of it', () => {
    // A family: 5 code points joined by ZWJ, one picture.
    const family = '👨‍👩‍👧';
    const cutText = fit(`${'a'.repeat(16)}${family}bc`, 20);
    expect(cutText).toBe(`${'a'.repeat(16)}…`);
    // 10 + 5 + 4 + "…" = 20 characters.
    expect(fit(`${'a'.repeat(10)}${family}bcdefgh`, 20)).toBe(`${'a'.repeat(10)}${family}bcde…`);
  });

  it('does not touch a text within the limit, whatever its UTF-16 length', () => {
    const text = '😀'.repeat(20);
    expect(fit(text, 20)).toBe(text);
    expect(validField('thing', text)).toBe(true);
    expect(validField('thing', `${text}😀`)).toBe(false);
  });

  it('cuts a name without "…": a Chinese name stays Chinese only', () => {
    const data = messageData(['name1'], { ...content, person: '欧阳娜娜娜娜娜娜娜娜娜' });
    expect(data.name1?.value).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(cut('abc', 2, { ellipsis: false })).toBe('ab');
  });
});

describe('phrases are never cut', () => {
  it('every kind’s own phrase is 1–5 Chinese characters', () => {
    for (const phrase of Object.values(REMINDER_KIND_PHRASES)) {
      expect([phrase, isWechatPhrase(phrase)]).toEqual([phrase, true]);
      expect(validField('phrase', phrase)).toBe(true);
    }
  });

  it('counts a phrase in characters: five CJK extension characters are five', () => {
    expect(isWechatPhrase('𠀀𠀁𠀂𠀃𠀄')).toBe(true);
    expect(validField('phrase', '𠀀𠀁𠀂𠀃𠀄')).toBe(true);
    expect(isWechatPhrase('𠀀𠀁𠀂𠀃𠀄𠀅')).toBe(false);
  });

  it('leaves a phrase that is not 1–5 Chinese characters out instead of cutting it', () => {
    for (const phrase of ['每日待办提醒', 'Daily', '提醒！', '']) {
      const data = messageData(['thing1', 'time2', 'phrase3', 'thing4'], { ...content, phrase });
      expect([phrase, Object.keys(data)]).toEqual([phrase, ['thing1', 'time2', 'thing4']]);
    }
  });
});

describe('WeChat’s refusals', () => {
  it('reads the refused field from a 47003 message', () => {
    expect(
      refusedField(
        'openapi.subscribeMessage.send:fail 47003 argument invalid! data.phrase3.value invalid rid: 6412',
      ),
    ).toBe('phrase3');
    expect(refusedField('argument invalid! data.character_string2.value exceeds limit')).toBe(
      'character_string2',
    );
    expect(refusedField('argument invalid! data.thing9 is not a field of the template')).toBe(
      'thing9',
    );
    expect(refusedField('user refuse to accept the msg')).toBeUndefined();
  });

  function cloudAnswering(error: object): WxServerSdk.Cloud {
    return {
      openapi: {
        subscribeMessage: {
          send: () => Promise.reject(Object.assign(new Error('send failed'), error)),
        },
      },
    } as unknown as WxServerSdk.Cloud;
  }
  const message = {
    touser: 'o-admin',
    templateId: 'T1',
    fieldKeys: ['thing1', 'phrase2'],
    content,
    miniprogramState: 'formal' as const,
  };

  it('answers a 47003 with the field it names; other errors name none', async () => {
    const refused = await subscribeMessageNotifier(
      cloudAnswering({ errCode: 47003, errMsg: 'argument invalid! data.phrase2.value invalid' }),
    ).send(message);
    expect(refused).toEqual({
      errCode: 47003,
      errMsg: 'argument invalid! data.phrase2.value invalid',
      field: 'phrase2',
    });
    const noCredit = await subscribeMessageNotifier(
      cloudAnswering({ errCode: 43101, errMsg: 'user refuse to accept the msg data.thing1' }),
    ).send(message);
    expect(noCredit).toEqual({
      errCode: 43101,
      errMsg: 'user refuse to accept the msg data.thing1',
    });
  });
});
