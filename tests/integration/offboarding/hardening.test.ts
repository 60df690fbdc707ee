/**
 * What an attacker found (issue 12): far-future dates, hostile subscription keys, one OPENID
 * binding two employees at once, repeated ticks, HR terminating their own contract. Each is
 * refused (or a no-op) and a refused call writes nothing. Over HTTP with jittered SDK answers,
 * each overlapping call in its own function instance, as on the platform.
 */
import {
  type Answer,
  type Company,
  localTemplateIds,
  startCompany,
  unique,
} from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany({ overHttp: true, jitterMs: 5 });
}, 60_000);
afterAll(() => company.dispose());

const hr = () => company.person('H001').openid;
const codeOf = (answer: Answer) => (answer.ok ? 'ok' : answer.error.code);

/** The call, and whether it wrote anything to the database. */
async function withWrites(openid: string, action: string, payload: unknown) {
  const before = company.cloud.stats();
  const answer = await company.call(openid, action, payload);
  const after = company.cloud.stats();
  return { answer, wrote: after.writes !== before.writes || after.mutations !== before.mutations };
}

function expectRefused(result: { answer: Answer; wrote: boolean }, code: string, field?: string) {
  expect({ code: codeOf(result.answer), wrote: result.wrote }).toEqual({ code, wrote: false });
  if (field !== undefined && !result.answer.ok) {
    expect(result.answer.error.details).toMatchObject({ field });
  }
}

async function employeesBoundTo(openid: string): Promise<string[]> {
  const { data } = await company.cloud.cloud
    .database()
    .collection('employees')
    .where({ openid })
    .get();
  return data.map((doc) => String(doc._id));
}

describe('dates within a sane window', () => {
  it.each(['9999-12-31', '2100-01-01', '1949-12-31'])(
    'refuses %s as a last working day HR confirms, naming the field',
    async (day) => {
      const owner = await company.hire('M001');
      const { caseId } = await company.hrReview(owner);
      expectRefused(
        await withWrites(hr(), 'case.hrConfirm', { caseId, lastWorkingDay: day }),
        'VALIDATION_FAILED',
        'lastWorkingDay',
      );
    },
  );

  it('refuses a consented day more than two years after the notice, and HR cannot use it', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.hrReview(owner);
    const refused = await withWrites(owner.openid, 'case.consentLaterDay', {
      caseId,
      lastWorkingDay: '2099-12-31',
    });
    expectRefused(refused, 'VALIDATION_FAILED', 'lastWorkingDay');
    expect(!refused.answer.ok && refused.answer.error.message).toContain('最后工作日');
    expectRefused(
      await withWrites(hr(), 'case.hrConfirm', { caseId, lastWorkingDay: '2099-12-31' }),
      'VALIDATION_FAILED',
      'lastWorkingDay',
    );
    // Within two years: agreed, then confirmed.
    await company.must(owner.openid, 'case.consentLaterDay', {
      caseId,
      lastWorkingDay: '2028-12-31',
    });
    await company.must(hr(), 'case.hrConfirm', { caseId, lastWorkingDay: '2028-12-31' });
  });

  it('refuses a pay-in-lieu day far in the future when the termination is drafted', async () => {
    const owner = await company.hire('M001');
    for (const day of ['9999-12-31', '2031-01-01']) {
      expectRefused(
        await withWrites(hr(), 'case.terminate', {
          employeeNo: owner.employeeNo,
          reason: 'incompetence',
          noticeMode: 'payInLieu',
          lastWorkingDay: day,
          idempotencyKey: unique('far-terminate-'),
        }),
        'VALIDATION_FAILED',
        'lastWorkingDay',
      );
    }
  });

  it('refuses hire dates before 1950 on import, naming the row and field', async () => {
    const result = await withWrites(hr(), 'admin.import', {
      rows: [
        {
          employeeNo: unique('OLD'),
          name: '老员工',
          department: '研发部',
          position: '工程师',
          hireDate: '1949-10-01',
          probationEndDate: '1950-01-01',
        },
      ],
    });
    expectRefused(result, 'VALIDATION_FAILED', 'rows.0.hireDate');
  });
});

describe('subscription.record', () => {
  it.each([
    ['an unknown template id', { 'not-a-template': 'accept' }],
    ['$where', JSON.parse('{"$where": "accept"}') as object],
    ['constructor', JSON.parse('{"constructor": "accept"}') as object],
    ['toString', JSON.parse('{"toString": "accept"}') as object],
    ['__proto__', JSON.parse('{"__proto__": "accept"}') as object],
  ])('refuses %s as a result key and stores nothing', async (_name, results) => {
    const owner = await company.hire('M001');
    expectRefused(
      await withWrites(owner.openid, 'subscription.record', { results }),
      'VALIDATION_FAILED',
    );
  });

  it('refuses 21,000 keys without storing them', async () => {
    const owner = await company.hire('M001');
    const results = Object.fromEntries(
      Array.from({ length: 21_000 }, (_, i) => [`t${i}`, 'accept']),
    );
    expectRefused(
      await withWrites(owner.openid, 'subscription.record', { results }),
      'VALIDATION_FAILED',
    );
  });

  it('records the configured templates', async () => {
    const owner = await company.hire('M001');
    const [template = ''] = localTemplateIds();
    expect(
      codeOf(
        await company.call(owner.openid, 'subscription.record', {
          results: { [template]: 'accept' },
        }),
      ),
    ).toBe('ok');
  });
});

describe('one OPENID, one employee', () => {
  it('two binding codes redeemed at once from one OPENID bind exactly one employee', async () => {
    for (let round = 0; round < 5; round += 1) {
      const first = await company.hire('M001', { bind: false });
      const second = await company.hire('M001', { bind: false });
      const phone = unique('double-phone-');

      const answers = await Promise.all([
        company.call(phone, 'me.bind', { employeeNo: first.employeeNo, code: first.code }),
        company.call(phone, 'me.bind', { employeeNo: second.employeeNo, code: second.code }),
      ]);

      expect(answers.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1);
      expect(await employeesBoundTo(phone)).toHaveLength(1);
    }
  });

  it('one code redeemed at once from two OPENIDs binds one of them', async () => {
    const employee = await company.hire('M001', { bind: false });
    const phones = [unique('phone-x-'), unique('phone-y-')];

    const answers = await Promise.all(
      phones.map((phone) =>
        company.call(phone, 'me.bind', { employeeNo: employee.employeeNo, code: employee.code }),
      ),
    );

    expect(answers.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1);
    const bound = await Promise.all(phones.map(employeesBoundTo));
    expect(bound.flat()).toEqual([employee.employeeNo]);
  });
});

describe('checklist ticks', () => {
  type Detail = {
    checklist: { item: string; done: boolean; doneBy?: string }[];
    events: { type: string }[];
  };

  it('20 identical ticks make one checklist.done event', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.formalities(owner);
    const answers = [];
    for (let i = 0; i < 20; i += 1) {
      answers.push(
        await company.call(hr(), 'case.checklist', { caseId, item: 'final_pay', done: true }),
      );
    }
    expect(answers.map(codeOf)).toEqual(Array(20).fill('ok'));
    const view = await company.must<Detail>(hr(), 'case.get', { caseId });
    expect(view.events.filter((e) => e.type === 'checklist.done')).toHaveLength(1);
  });

  it("a manager's re-tick keeps HR's doneBy and writes nothing", async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.formalities(owner);
    const view = await company.must<Detail>(hr(), 'case.get', { caseId });
    const asset = view.checklist.find((row) => row.item.startsWith('asset'))?.item;
    expect(asset).toBeDefined();
    await company.must(hr(), 'case.checklist', { caseId, item: asset, done: true });

    const again = await withWrites(company.person('M001').openid, 'case.checklist', {
      caseId,
      item: asset,
      done: true,
    });

    expect({ code: codeOf(again.answer), wrote: again.wrote }).toEqual({
      code: 'ok',
      wrote: false,
    });
    expect(again.answer).toMatchObject({
      data: { row: { item: asset, done: true, doneBy: hr() } },
    });
  });
});

describe("HR's own record", () => {
  it('case.terminate on the caller’s own employee number is FORBIDDEN and writes nothing', async () => {
    const self = company.person('H001');
    expectRefused(
      await withWrites(self.openid, 'case.terminate', {
        employeeNo: self.employeeNo,
        reason: 'incompetence',
        noticeMode: 'notice30',
        idempotencyKey: unique('self-terminate-'),
      }),
      'FORBIDDEN',
    );
  });
});

/** A zip (stored, no compression) holding the named entries: enough for a central directory. */
function zipOf(names: readonly string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const content = Buffer.from('<x/>');
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, content);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('case files', () => {
  const pdf = (text: string) =>
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    );

  it('a file uploaded into the case folder by another OPENID is refused before custody', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner, { handover: false });
    const path = `cases/${caseId}/other/planted.pdf`;
    // Someone else's upload, under their own tag; and one without any tag.
    const planted = await company.upload(company.person('D009').openid, path, pdf('planted'));
    const untagged = (await company.cloud.upload(path, pdf('untagged'), owner.openid)).fileID;

    for (const fileId of [planted, untagged]) {
      expectRefused(
        await withWrites(owner.openid, 'case.attach', { caseId, kind: 'other', fileIds: [fileId] }),
        'VALIDATION_FAILED',
        'fileIds.0',
      );
    }
    // The owner's own upload, named with the tag me.get gives them, is accepted.
    const me = await company.must<{ uploadTag: string }>(owner.openid, 'me.get');
    const own = (
      await company.cloud.upload(
        `cases/${caseId}/other/${me.uploadTag}-mine.pdf`,
        pdf('mine'),
        owner.openid,
      )
    ).fileID;
    expect(
      codeOf(
        await company.call(owner.openid, 'case.attach', { caseId, kind: 'other', fileIds: [own] }),
      ),
    ).toBe('ok');
  });

  it('the same file twice in one call, or again later, makes one attachment', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner, { handover: false });
    const bytes = pdf(unique('once-'));
    const first = await company.upload(owner.openid, `cases/${caseId}/other/a.pdf`, bytes);
    const copy = await company.upload(owner.openid, `cases/${caseId}/other/b.pdf`, bytes);

    const answer = await company.must<{ attachments: unknown[] }>(owner.openid, 'case.attach', {
      caseId,
      kind: 'other',
      fileIds: [first, first, copy],
    });
    expect(answer.attachments).toHaveLength(1);

    const again = await withWrites(owner.openid, 'case.attach', {
      caseId,
      kind: 'other',
      fileIds: [copy],
    });
    expect({ code: codeOf(again.answer), wrote: again.wrote }).toEqual({
      code: 'ok',
      wrote: false,
    });
    expect(again.answer).toMatchObject({ data: { attachments: [{ kind: 'other' }] } });
  });

  it.each([
    [
      'a file starting %PDF with HTML after it',
      'x.pdf',
      Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n'),
    ],
    [
      'a PDF with HTML after its %%EOF',
      'x.pdf',
      Buffer.concat([pdf('a'), Buffer.from('<html></html>')]),
    ],
    ['any zip named .docx', 'x.docx', zipOf(['evil.html'])],
    [
      'a zip with content types but no document, named .docx',
      'x.docx',
      zipOf(['[Content_Types].xml']),
    ],
  ])('refuses %s before custody', async (_name, fileName, bytes) => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner, { handover: false });
    const fileId = await company.upload(owner.openid, `cases/${caseId}/other/${fileName}`, bytes);
    expectRefused(
      await withWrites(owner.openid, 'case.attach', { caseId, kind: 'other', fileIds: [fileId] }),
      'VALIDATION_FAILED',
      'fileIds.0',
    );
  });

  it('accepts an Office Open XML document', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner, { handover: false });
    const bytes = zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const fileId = await company.upload(owner.openid, `cases/${caseId}/other/list.docx`, bytes);
    expect(
      codeOf(
        await company.call(owner.openid, 'case.attach', {
          caseId,
          kind: 'other',
          fileIds: [fileId],
        }),
      ),
    ).toBe('ok');
  });
});

describe('invisible controls in names and free text', () => {
  it.each([
    ['a right-to-left override', '张\u202e三'],
    ['a zero-width space', '张\u200b三'],
  ])('refuses %s in an imported name', async (_name, name) => {
    expectRefused(
      await withWrites(hr(), 'admin.import', {
        rows: [
          {
            employeeNo: unique('RTL'),
            name,
            department: '研发部',
            position: '工程师',
            hireDate: '2024-01-02',
            probationEndDate: '2024-04-01',
          },
        ],
      }),
      'VALIDATION_FAILED',
      'rows.0.name',
    );
  });

  it('refuses them in an explanation and a comment', async () => {
    const owner = await company.hire('M001');
    expectRefused(
      await withWrites(owner.openid, 'case.submit', {
        reason: 'personal',
        explanation: '家庭原因需要回老家照顾父母\u2066，无法继续工作。',
        idempotencyKey: unique('rtl-submit-'),
      }),
      'VALIDATION_FAILED',
      'explanation',
    );
    const { caseId } = await company.submitted(owner);
    expectRefused(
      await withWrites(company.person('M001').openid, 'case.review', {
        caseId,
        decision: 'return',
        comment: '请补充\ufeff材料',
      }),
      'VALIDATION_FAILED',
      'comment',
    );
  });
});

describe('after a roster move', () => {
  it('the manager at review time reviews; the submitting manager is kept for the record', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    // HR moves the employee to M002's team.
    await company.must(hr(), 'admin.import', {
      rows: [
        {
          employeeNo: owner.employeeNo,
          name: '测试员工',
          department: '市场部',
          position: '工程师',
          managerNo: 'M002',
          hireDate: '2024-01-02',
          probationEndDate: '2024-04-01',
          contractStart: '2024-01-02',
        },
      ],
    });

    expectRefused(
      await withWrites(company.person('M001').openid, 'case.review', {
        caseId,
        decision: 'approve',
      }),
      'FORBIDDEN',
    );
    await company.must(company.person('M002').openid, 'case.review', {
      caseId,
      decision: 'approve',
    });
    const { data } = await company.cloud.cloud.database().collection('cases').doc(caseId).get();
    expect(data).toMatchObject({
      managerNo: 'M002',
      submittedManagerNo: 'M001',
      state: 'hr_review',
    });
  });

  it('a move to no manager leaves the review to HR', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    await company.must(hr(), 'admin.import', {
      rows: [
        {
          employeeNo: owner.employeeNo,
          name: '测试员工',
          department: '研发部',
          position: '工程师',
          hireDate: '2024-01-02',
          probationEndDate: '2024-04-01',
          contractStart: '2024-01-02',
        },
      ],
    });

    expectRefused(
      await withWrites(company.person('M001').openid, 'case.review', {
        caseId,
        decision: 'approve',
      }),
      'FORBIDDEN',
    );
    await company.must(hr(), 'case.review', { caseId, decision: 'approve' });
    const { data } = await company.cloud.cloud.database().collection('cases').doc(caseId).get();
    expect(data.managerNo).toBeUndefined();
    expect(data).toMatchObject({ submittedManagerNo: 'M001', state: 'hr_review' });
  });
});
