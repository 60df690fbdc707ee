/**
 * Bad input gets a clear Chinese error and changes nothing (DESIGN §4, §7): random payloads for
 * every action, sent as HR and as an employee with a case. Each run starts from a payload that
 * would be accepted and breaks it (drops fields, swaps values for junk, adds fields), or sends
 * anything at all. `FUZZ_RUNS` sets the runs per action (`npm run fuzz`: 1,000).
 */
import fc from 'fast-check';
import { ACTION_NAMES, type ActionName, ERROR_CODES } from '../../../server/contract';
import { ACTION_RESULTS } from '../../../server/contract/action-results';
import { PDF_BYTES } from '../../../tools/demo/demo-company';
import { type Answer, CHINESE, type Company, startCompany } from './company-harness';

/** The validation library's own English wording, which must never reach a person. */
const ZOD_ENGLISH = /Invalid|Unrecognized|Too (big|small)|Expected|Required/;

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

let company: Company;
beforeAll(async () => {
  company = await startCompany();
}, 60_000);
afterAll(() => company.dispose());

/** A payload each action accepts, pointing at the seeded cases where it needs one. */
function acceptedPayload(action: ActionName): Record<string, unknown> {
  const { cases } = company;
  const file = (caseId: string | undefined, folder: string) =>
    `cloud://local.lizhitong/cases/${caseId ?? ''}/${folder}/file.pdf`;
  const templates: Record<ActionName, Record<string, unknown>> = {
    'me.get': {},
    'me.bind': { employeeNo: 'D004', code: 'ABCD-EFGH-12' },
    'meta.get': {},
    'case.submit': {
      reason: 'personal',
      explanation: '家庭原因需要回老家照顾父母，无法继续工作。',
      idempotencyKey: 'fuzz-submit-0001',
    },
    'case.terminate': {
      employeeNo: 'D004',
      reason: 'incompetence',
      noticeMode: 'payInLieu',
      lastWorkingDay: '2027-04-01',
      explanation: '连续两个季度考核不合格，调岗后仍不能胜任。',
      idempotencyKey: 'fuzz-terminate-0001',
    },
    'case.issue': {
      caseId: cases.draft,
      noProtectedStatus: true,
      unionNotice: { notifiedOn: '2027-02-27', body: 'local_federation', objection: true },
    },
    'case.recordDelivery': {
      caseId: cases.formalities,
      deliveredOn: '2027-03-01',
      method: 'ems',
      comment: 'EMS 签收',
    },
    'case.attach': {
      caseId: cases.submitted,
      kind: 'other',
      fileIds: [file(cases.submitted, 'other')],
    },
    'case.resubmit': { caseId: cases.returned, comment: '已补充交接清单' },
    'case.withdraw': { caseId: cases.returned, comment: '决定留任' },
    'case.consentLaterDay': { caseId: cases.submitted, lastWorkingDay: '2028-06-30' },
    'privacy.get': {},
    'case.markDisputed': { caseId: cases.completed, disputed: true },
    'case.consentLastWorkingDay': { caseId: cases.submitted, lastWorkingDay: '2027-03-20' },
    'case.review': { caseId: cases.submitted, decision: 'return', comment: '请补充材料' },
    'case.hrEscalate': { caseId: cases.submitted, comment: '经理长期未处理' },
    'case.hrConfirm': {
      caseId: cases.hr_review,
      lastWorkingDay: '2027-03-20',
      earlyReleaseProposedBy: 'employee',
      assets: [{ id: 'badge', label: '工卡' }],
      comment: '同意提前离职',
    },
    'case.hrReturn': { caseId: cases.hr_review, comment: '请补充材料' },
    'case.hrCancel': { caseId: cases.returned, comment: '员工已撤回', basis: 'employee_request' },
    'case.sign': {
      caseId: cases.formalities,
      signatureFileId: file(cases.formalities, 'signature'),
      letterHash: 'a'.repeat(64),
      consent: true,
    },
    'case.checklist': {
      caseId: cases.formalities,
      item: 'certificate_issued',
      done: true,
      note: '纸质离职证明已交付',
    },
    'case.close': { caseId: cases.formalities, rehire: 'ask' },
    'case.nonCompete': {
      caseId: cases.formalities,
      decision: 'enforced',
      months: 12,
      monthlyCompensation: 3000,
      averageMonthlyWage: 12000,
      minimumWage: 2690,
    },
    'case.assignSuccessors': {
      caseId: cases.submitted,
      successors: [
        { employeeNo: 'D004', items: ['客户A的对接资料', '代码仓库与部署权限'] },
        { employeeNo: 'D005', items: ['月度报表模板'] },
      ],
    },
    'handover.mine': {},
    'handover.confirm': { caseId: cases.formalities, itemId: 'r1-1', note: '已当面交接' },
    'handover.dispute': { caseId: cases.formalities, itemId: 'r1-2', comment: '缺少部署文档' },
    'case.get': { caseId: cases.submitted },
    'case.evidence': { caseId: cases.completed },
    'case.documents': { caseId: cases.completed },
    'case.certificateReason': { caseId: cases.formalities, statesReason: true },
    'case.issueCertificate': { caseId: cases.formalities },
    'document.verify': { code: `${cases.completed ?? ''}-C`, sha256: 'a'.repeat(64) },
    'case.remind': { caseId: cases.formalities, note: '请今天下班前签署' },
    'case.recordContact': { caseId: cases.formalities, method: 'phone', note: '已电话提醒签署' },
    'interview.get': { caseId: cases.formalities },
    'interview.submit': {
      caseId: cases.formalities,
      version: 1,
      answers: [
        { questionId: 'main-reason', value: 'growth' },
        { questionId: 'team', value: 4 },
        { questionId: 'improve', value: '希望晋升通道更透明' },
      ],
    },
    'case.interviewNote': { caseId: cases.formalities, note: '当面面谈，员工希望保持联系' },
    'admin.interviewQuestionsSave': {
      baseVersion: 1,
      questions: [
        {
          questionId: 'main-reason',
          kind: 'single',
          text: '离开的主要原因？',
          options: [
            { value: 'pay', label: '薪酬' },
            { value: 'other', label: '其他' },
          ],
        },
        { questionId: 'team', kind: 'scale', text: '团队氛围' },
      ],
    },
    'admin.interviewStats': { from: '2027-01-01', to: '2027-12-31', department: '研发部' },
    'subscription.record': { results: { 'template-1': 'accept', 'template-2': 'reject' } },
    'privacy.report': { api: 'setClipboardData', errno: 112 },
    'admin.board': { state: 'submitted', overdueOnly: true, department: '研发部', q: '张' },
    'admin.stats': { from: '2027-01-01', to: '2027-12-31' },
    'admin.statsExport': { from: '2027-01-01', to: '2027-12-31', table: 'monthly' },
    'admin.importHistory': {
      rows: [
        {
          employeeNo: 'F002',
          name: '往年同事',
          department: '研发部',
          reason: '辞职',
          noticeDate: '2026-03-02',
          lastWorkingDay: '2026-04-01',
          signed: '否',
        },
      ],
    },
    'admin.import': {
      rows: [
        {
          employeeNo: 'F001',
          name: '模糊测试',
          department: '研发部',
          position: '工程师',
          managerNo: 'M001',
          hireDate: '2026-01-05',
          probationEndDate: '2026-04-05',
          mobile: '13800138000',
        },
      ],
    },
    'admin.bindingCode': { employeeNo: 'D005' },
    'admin.employeeLookup': { employeeNo: 'D005' },
    'case.handoverTemplate': {},
    'case.oaRetry': { caseId: cases.submitted },
    'admin.purgeCase': { caseId: cases.completed },
    'admin.trialSend': {},
    'admin.configAlerts': {},
    'admin.configAlertResolve': { id: 'privacy:chooseMedia:112' },
    'admin.export': {},
    'training.catalog': {},
    'training.lesson': { courseId: 'employee-start', lessonId: 'notice' },
    'training.complete': { courseId: 'employee-rights', lessonId: 'after-leaving' },
    'training.quizStart': { courseId: 'employee-sign' },
    'training.quizSubmit': {
      attemptId: 'ATTEMPT0000000000001',
      answers: [{ questionId: 'probation-days', optionIds: ['a'] }],
    },
    'training.practiceStart': {},
    'training.proposalSubmit': {
      proposalId: 'rFUZZ00001',
      title: '优化方案',
      text: '建议把交接清单模板放进小程序，员工上传前先对照检查，减少退回补充。',
      attachments: [],
    },
    'training.proposals': {},
    'admin.trainingStats': { from: '2027-01-01', to: '2027-12-31' },
    'training.workshops': {},
    'training.workshopEnrol': { workshopId: 'wFUZZ000000000000' },
    'training.workshopCancel': { workshopId: 'wFUZZ000000000000' },
    'training.workshopPass': { workshopId: 'wFUZZ000000000000' },
    'training.workshopCheckIn': { workshopId: 'wFUZZ000000000000', code: 'ABCD-1234' },
    'admin.workshopSave': {
      title: '离职办理实操课',
      startsAt: '2027-12-01T14:00:00+08:00',
      endsAt: '2027-12-01T16:00:00+08:00',
      place: '3 楼会议室',
      audience: 'employee',
      capacity: 20,
    },
    'admin.workshopCheckIn': { workshopId: 'wFUZZ000000000000', token: 'ABCD1234' },
    'admin.coursePush': { courseId: 'employee-rights', department: '研发部' },
    'admin.proposalReview': { proposalId: 'rFUZZ00001', decision: 'return', comment: '请补充数据' },
    'training.practiceStep': { practiceId: 'pFUZZ0000000000000000', step: 'submit' },
    'admin.courseSave': {
      courseId: 'fuzz-course',
      title: '模糊测试课程',
      audience: 'hr',
      baseVersion: 0,
      lessons: [{ lessonId: 'one', title: '第一课', blocks: [{ kind: 'text', text: '正文' }] }],
      questions: [
        {
          questionId: 'q1',
          kind: 'truefalse',
          text: '辞职需要公司批准。',
          options: [
            { optionId: 'true', text: '正确', correct: false },
            { optionId: 'false', text: '错误', correct: true },
          ],
          explanation: '第37条：辞职是通知。',
        },
      ],
    },
  };
  return templates[action];
}

/** Values people and scripts send by mistake, and a few that try to reach the database. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(
    null,
    undefined,
    '',
    ' ',
    '0',
    'x'.repeat(600),
    '2027-02-30',
    '2027-13-01',
    '../../evidence/x',
    'cloud://local.lizhitong/evidence/x/file.pdf',
    { $ne: null },
    { $regex: '.*' },
    // Date extremes: far future and past, beyond what a Date holds, and not dates at all.
    '9999-12-31',
    '0001-01-01',
    '1949-12-31',
    '2100-01-01',
    '+275760-09-13',
    '-271821-04-20',
    '2027-02-29',
    // Hostile object keys: operators and the prototype's own names.
    JSON.parse('{"$where": "1"}') as unknown,
    JSON.parse('{"constructor": "x"}') as unknown,
    JSON.parse('{"__proto__": {"x": 1}}') as unknown,
    JSON.parse('{"toString": "x"}') as unknown,
    [],
    [{}],
    {},
  ),
);

/** Keys no payload has: added beside the fields (as JSON would carry them) or as the whole payload's. */
const hostileKey = fc.constantFrom('$where', 'constructor', '__proto__', 'toString', '$set');

const KEEP = Symbol('keep');
const DROP = Symbol('drop');

function payloads(action: ActionName): fc.Arbitrary<unknown> {
  const accepted = acceptedPayload(action);
  const perField = Object.fromEntries(
    Object.keys(accepted).map((key) => [
      key,
      fc.oneof(
        { weight: 3, arbitrary: fc.constant<unknown>(KEEP) },
        { weight: 1, arbitrary: fc.constant<unknown>(DROP) },
        { weight: 2, arbitrary: junk },
      ),
    ]),
  );
  const broken = fc
    .tuple(
      fc.record(perField),
      fc.option(fc.tuple(fc.oneof(fc.string({ minLength: 1 }), hostileKey), junk)),
    )
    .map(([changes, extra]) => {
      const payload: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(accepted)) {
        const change = changes[key];
        if (change === DROP) continue;
        payload[key] = change === KEEP ? value : change;
      }
      // As an own property, as JSON.parse makes it (an assignment to `__proto__` would not).
      if (extra) Object.defineProperty(payload, extra[0], { value: extra[1], enumerable: true });
      return payload;
    });
  return fc.oneof({ weight: 1, arbitrary: junk }, { weight: 4, arbitrary: broken });
}

function describeAnswer(answer: Answer): string {
  return JSON.stringify(answer).slice(0, 300);
}

describe('random payloads', () => {
  it.each(ACTION_NAMES)(
    '%s: always an envelope, never INTERNAL, and a refusal writes nothing',
    async (action) => {
      const callers = {
        HR: company.person('H001').openid,
        // D001's case waits for the manager: an employee with something to lose.
        employee: company.person('D001').openid,
      };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<keyof typeof callers>('HR', 'employee'),
          payloads(action),
          async (who, payload) => {
            const before = company.cloud.stats();
            const answer = await company.call(callers[who], action, payload);
            const after = company.cloud.stats();
            const shown = `${action} as ${who}: ${describeAnswer(answer)}`;

            expect(typeof answer === 'object' && answer !== null).toBe(true);
            if (answer.ok) {
              // What the function answers is what the contract promises the client.
              const data = ACTION_RESULTS[action].safeParse(answer.data);
              if (!data.success) throw new Error(`${shown}\n${data.error.message}`);
              return;
            }
            expect(Object.keys(answer).sort()).toEqual(['error', 'ok']);
            if (!(ERROR_CODES as readonly string[]).includes(answer.error.code)) {
              throw new Error(`unknown code: ${shown}`);
            }
            if (answer.error.code === 'INTERNAL') throw new Error(`INTERNAL: ${shown}`);
            if (!CHINESE.test(answer.error.message) || ZOD_ENGLISH.test(answer.error.message)) {
              throw new Error(`not Chinese: ${shown}`);
            }
            if (answer.error.code === 'VALIDATION_FAILED') {
              expect(typeof answer.error.details?.field).toBe('string');
              if (after.writes !== before.writes || after.mutations !== before.mutations) {
                throw new Error(`a refused call wrote: ${shown}`);
              }
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    Math.max(30_000, RUNS * 200),
  );
});

describe('date extremes and hostile keys, for every action', () => {
  const DATES = ['9999-12-31', '0001-01-01', '1949-12-31', '2100-01-01', '+275760-09-13'];
  const KEYS = ['$where', 'constructor', '__proto__', 'toString'];

  it.each(ACTION_NAMES)('%s: refused without writing, never INTERNAL', async (action) => {
    const hr = company.person('H001').openid;
    const accepted = acceptedPayload(action);
    const tries: unknown[] = [];
    for (const key of KEYS) {
      tries.push(
        JSON.parse(JSON.stringify(accepted).replace(/^\{/, `{"${key}": "x",`).replace(',}', '}')),
      );
    }
    for (const [field, value] of Object.entries(accepted)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        for (const date of DATES) tries.push({ ...accepted, [field]: date });
      }
    }
    for (const payload of tries) {
      const before = company.cloud.stats();
      const answer = await company.call(hr, action, payload);
      const after = company.cloud.stats();
      const shown = `${action}: ${JSON.stringify(payload)} → ${describeAnswer(answer)}`;
      if (answer.ok) throw new Error(`accepted: ${shown}`);
      if (answer.error.code === 'INTERNAL') throw new Error(`INTERNAL: ${shown}`);
      if (after.writes !== before.writes || after.mutations !== before.mutations) {
        throw new Error(`a refused call wrote: ${shown}`);
      }
    }
  });
});

describe('random requests', () => {
  it('an event that is not a request, or names no action of ours, is refused and writes nothing', async () => {
    const hr = company.person('H001').openid;
    const events = fc.oneof(
      fc.anything(),
      fc.record({ action: fc.string(), payload: junk }),
      fc.record({ action: junk, payload: junk, requestId: junk }),
    );
    await fc.assert(
      fc.asyncProperty(events, async (event) => {
        const before = company.cloud.stats();
        const answer = (await company.cloud.invoke('offboarding', event, { openid: hr })) as Answer;
        const after = company.cloud.stats();
        const named =
          typeof event === 'object' && event !== null && 'action' in event
            ? (event as { action: unknown }).action
            : undefined;
        // A real action name with a well-formed request is the other tests' business.
        if (typeof named === 'string' && (ACTION_NAMES as readonly string[]).includes(named)) {
          return;
        }
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED', details: { field: 'action' } },
        });
        expect(!answer.ok && answer.error.message).toMatch(CHINESE);
        expect(after.writes).toBe(before.writes);
        expect(after.mutations).toBe(before.mutations);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a payload that is wrong', () => {
  const hr = () => company.person('H001').openid;

  async function refused(openid: string, action: string, payload: unknown) {
    const before = company.cloud.stats();
    const answer = await company.call(openid, action, payload);
    const after = company.cloud.stats();
    expect(after.writes).toBe(before.writes);
    expect(after.mutations).toBe(before.mutations);
    if (answer.ok) throw new Error(`${action} accepted ${JSON.stringify(payload)}`);
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(answer.error.message).toMatch(CHINESE);
    return answer.error;
  }

  it('names the field and says in Chinese what is wrong with it', async () => {
    const error = await refused(hr(), 'case.terminate', {
      employeeNo: 'D004',
      reason: 'incompetence',
      noticeMode: 'payInLieu',
      idempotencyKey: 'wrong-payload-1',
    });
    // Pay in lieu of notice: HR must choose the last day.
    expect(error.details).toMatchObject({ field: 'lastWorkingDay' });
    expect(error.message).toContain('代通知金');
  });

  it('names a field inside a list by its position', async () => {
    const error = await refused(hr(), 'admin.import', {
      rows: [
        {
          employeeNo: 'F100',
          name: '王五',
          department: '研发部',
          position: '工程师',
          hireDate: '2027-02-30',
          probationEndDate: '2027-05-01',
        },
      ],
    });
    expect(error.details).toMatchObject({ field: 'rows.0.hireDate' });
    expect(error.message).toContain('日期');
  });

  it('rejects an explanation that is too short for 其他个人原因', async () => {
    const error = await refused(company.person('D004').openid, 'case.submit', {
      reason: 'personal',
      explanation: '不想干了',
      idempotencyKey: 'wrong-payload-2',
    });
    expect(error.details).toMatchObject({ field: 'explanation' });
    expect(error.message).toContain('至少 10 个字');
  });

  it('rejects a field the action does not have', async () => {
    const error = await refused(hr(), 'case.get', {
      caseId: company.cases.submitted,
      includeDeleted: true,
    });
    expect(error.details).toMatchObject({ field: 'includeDeleted' });
  });

  it('refuses an unknown action by name', async () => {
    const error = await refused(hr(), 'case.delete', { caseId: company.cases.submitted });
    expect(error.details).toMatchObject({ field: 'action' });
    expect(error.message).toContain('case.delete');
  });

  it('refuses a request that is not an object', async () => {
    const answer = (await company.cloud.invoke('offboarding', 'case.get', {
      openid: hr(),
    })) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('an attachment that is refused', () => {
  it('keeps no copy of the files that came before the bad one', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const good = await company.upload(owner.openid, `cases/${caseId}/other/minutes.pdf`, PDF_BYTES);
    const elsewhere = await company.upload(owner.openid, `cases/${caseId}/notes.pdf`, PDF_BYTES);
    const before = company.cloud.stats();

    const answer = await company.call(owner.openid, 'case.attach', {
      caseId,
      kind: 'other',
      fileIds: [good, elsewhere],
    });

    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { field: 'fileIds.1' } },
    });
    expect(!answer.ok && answer.error.message).toMatch(CHINESE);
    const after = company.cloud.stats();
    expect({ writes: after.writes, mutations: after.mutations }).toEqual({
      writes: before.writes,
      mutations: before.mutations,
    });
  });
});
