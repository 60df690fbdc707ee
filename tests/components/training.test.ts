/**
 * @jest-environment jsdom
 *
 * The training pages against the real `offboarding` function on the local cloud: an employee
 * reads a lesson and records it, fails the quiz, passes it on a new attempt, and 我的 shows the
 * progress.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../server/contract';
import { DEFAULT_COURSES } from '../../server/domain/training-default-courses';
import {
  demoRoster,
  importAndBind,
  openidOf,
  PDF_BYTES,
  PNG_BYTES,
} from '../../tools/demo/demo-company';
import { drawStroke, fakeCanvas, giveCanvas } from './fixtures/canvas';
import { createLocalCloud, type LocalCloud } from '../../tools/local-cloud';
import {
  callThrough,
  allText,
  type Comp,
  lifecycle,
  render,
  setUp,
  type Simulate,
  tapButton,
  textOf,
  typeInto,
  type WxMocks,
} from './harness';

const ADMIN = 'admin-openid';
const COURSE = 'employee-start';

let dir: string;
let cloud: LocalCloud;
let simulate: Simulate;
let wx: WxMocks;
let caller = '';

const invoke = async (openid: string, action: ActionName, payload?: unknown) =>
  (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<unknown>;

async function untilShown(page: Comp, text: string): Promise<string> {
  for (let i = 0; i < 1500 && !allText(page).includes(text); i += 1) await simulate.sleep(10);
  return allText(page);
}

/** Waits until `selector` is on the page (a phase change after a real database call), up to 15 s on a busy machine. */
async function untilPresent(page: Comp, selector: string): Promise<void> {
  for (let i = 0; i < 1500 && !page.querySelector(selector); i += 1) await simulate.sleep(10);
}

const questions = DEFAULT_COURSES.find((course) => course.courseId === COURSE)?.questions ?? [];

/** Taps one option per question: the right ones, or for each a wrong one. */
function answerAll(page: Comp, right: boolean): void {
  for (const question of questions) {
    const picks = question.options.filter((option) => option.correct === right);
    const chosen = right ? picks : picks.slice(0, 1);
    for (const option of chosen) {
      const node = page.querySelector(`#option-${question.questionId}-${option.optionId}`);
      if (!node) throw new Error(`no option ${question.questionId}/${option.optionId}`);
      node.dispatchEvent('tap');
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'training-pages-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(new Date('2027-03-01T10:00:00+08:00'));
  await importAndBind(invoke, ADMIN, demoRoster());
});

afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh simulator whose calls go to the real function as `caller` (a page renders once per simulator). */
function freshSimulator(): void {
  ({ simulate, wx } = setUp());
  callThrough(wx, cloud, () => caller);
}

beforeEach(() => {
  freshSimulator();
  caller = openidOf('D002');
});

it('lists the employee courses and opens a lesson from the catalogue', async () => {
  const page = render(simulate, 'packages/training/pages/catalog/index');
  await lifecycle(simulate, page, 'onLoad');
  const text = await untilShown(page, '如何发起离职申请');

  for (const title of [
    '如何发起离职申请',
    '如何上传工作交接清单',
    '如何签署电子辞职书',
    '你的权利与期限',
  ]) {
    expect(text).toContain(title);
  }
  expect(text).not.toContain('HR 办理');
  expect(text).toContain('已学 0/2 课时');
  page.querySelector(`#lesson-${COURSE}-notice`)?.dispatchEvent('tap');
  await simulate.sleep(10);
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({
      url: `/packages/training/pages/lesson/index?courseId=${COURSE}&lessonId=notice`,
    }),
  );
});

it('records a lesson read to the end, and the catalogue shows it', async () => {
  const lesson = render(simulate, 'packages/training/pages/lesson/index');
  await lifecycle(simulate, lesson, 'onLoad', { courseId: COURSE, lessonId: 'notice' });
  expect(await untilShown(lesson, '第37条')).toContain('辞职是通知，不是申请');

  tapButton(lesson, '#complete');
  expect(await untilShown(lesson, '已学完')).toContain('已学完');

  const catalog = render(simulate, 'packages/training/pages/catalog/index');
  await lifecycle(simulate, catalog, 'onLoad');
  expect(await untilShown(catalog, '已学 1/2 课时')).toContain('已学完');
});

it('fails the quiz, sees why, then passes it on a new attempt', async () => {
  const page = render(simulate, 'packages/training/pages/quiz/index');
  await lifecycle(simulate, page, 'onLoad', { courseId: COURSE });
  await untilPresent(page, '#submit');
  const before = allText(page);
  // Nothing of the key or the explanations is on the page before submission.
  for (const question of questions) expect(before).not.toContain(question.explanation);

  tapButton(page, '#submit');
  await simulate.sleep(10);
  expect(wx.showToast).toHaveBeenCalledWith(
    expect.objectContaining({ title: `还有 ${questions.length} 题未作答，请答完再提交` }),
  );

  answerAll(page, false);
  await simulate.sleep(10);
  tapButton(page, '#submit');
  const failed = await untilShown(page, '未通过');
  expect(failed).toContain('得分 0 分');
  expect(failed).toContain('正确答案：3 天');
  expect(failed).toContain('劳动者在试用期内提前三日通知用人单位');

  tapButton(page, '#again');
  await untilPresent(page, '#submit');
  answerAll(page, true);
  await simulate.sleep(10);
  tapButton(page, '#submit');
  expect(await untilShown(page, '测验通过')).toContain('得分 100 分');
});

it('shows the progress on 我的 and opens the courses from there', async () => {
  const page = render(simulate, 'pages/me/index');
  await lifecycle(simulate, page, 'onLoad');
  const text = await untilShown(page, '测验通过');
  expect(text).toContain('已学 1/8 课时 · 测验通过 1/4');
  expect(text).not.toContain('即将上线');

  page.querySelector('#training')?.querySelector('.t-cell')?.dispatchEvent('tap');
  await simulate.sleep(10);
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/packages/training/pages/catalog/index' }),
  );
});

it('completes the practice run on the real signature pad and is then 已掌握', async () => {
  // The other three employee quizzes, passed directly: the page test above passed the first.
  for (const course of DEFAULT_COURSES.filter(
    (c) => c.audience === 'employee' && c.courseId !== COURSE,
  )) {
    const started = (await invoke(caller, 'training.quizStart', {
      courseId: course.courseId,
    })) as Envelope<{ attemptId: string; questions: { questionId: string }[] }>;
    if (!started.ok) throw new Error(started.error.message);
    await invoke(caller, 'training.quizSubmit', {
      attemptId: started.data.attemptId,
      answers: started.data.questions.map((q) => ({
        questionId: q.questionId,
        optionIds:
          course.questions
            .find((candidate) => candidate.questionId === q.questionId)
            ?.options.filter((option) => option.correct)
            .map((option) => option.optionId) ?? [],
      })),
    });
  }
  wx.uploadFile.mockImplementation(async (options: { cloudPath: string }) => ({
    fileID: (
      await cloud.upload(
        options.cloudPath,
        options.cloudPath.includes('/signature/') ? PNG_BYTES : PDF_BYTES,
        caller,
      )
    ).fileID,
  }));
  wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
    opts.success({ tempFiles: [{ path: 'wxfile://tmp/handover', name: '交接清单.pdf', size: 1 }] }),
  );

  const page = render(simulate, 'packages/training/pages/practice/index');
  await lifecycle(simulate, page, 'onLoad');
  expect(await untilShown(page, '提交模拟离职')).toContain('不会通知任何人');

  tapButton(page, '#submit');
  await untilPresent(page, '#upload-chat');
  expect(allText(page)).toContain('公司收到书面通知的凭证');

  tapButton(page, '#upload-chat');
  await untilPresent(page, '#pad');
  const text = allText(page);
  expect(text).toContain('系统扮演部门经理');
  expect(text).toContain('系统扮演 HR');
  expect(text).toContain('辞职书');

  const pad = page.querySelector('#pad');
  if (!pad) throw new Error('no pad');
  giveCanvas(pad, fakeCanvas());
  pad.triggerLifeTime('ready');
  await simulate.sleep(10);
  drawStroke(pad, [10, 10], [60, 40]);
  page.querySelector('#consent')?.dispatchEvent('tap');
  await simulate.sleep(10);
  tapButton(page, '#sign');
  await untilPresent(page, '#finish');
  tapButton(page, '#finish');
  expect(await untilShown(page, '练习完成')).toContain('练习案件已删除');

  const catalog = render(simulate, 'packages/training/pages/catalog/index');
  await lifecycle(simulate, catalog, 'onLoad');
  expect(await untilShown(catalog, '已掌握：')).toContain('已掌握：课程测验与模拟离职流程均已完成');
  const me = render(simulate, 'pages/me/index');
  await lifecycle(simulate, me, 'onLoad');
  expect(await untilShown(me, '已掌握')).toContain('离职办理培训已掌握');
});

describe('an HR’s 离职流程优化方案, returned and then accepted', () => {
  async function passHrCourse(openid: string): Promise<void> {
    const course = DEFAULT_COURSES.find((c) => c.audience === 'hr');
    if (!course) throw new Error('no HR course');
    const started = (await invoke(openid, 'training.quizStart', {
      courseId: course.courseId,
    })) as Envelope<{ attemptId: string; questions: { questionId: string }[] }>;
    if (!started.ok) throw new Error(started.error.message);
    await invoke(openid, 'training.quizSubmit', {
      attemptId: started.data.attemptId,
      answers: started.data.questions.map((q) => ({
        questionId: q.questionId,
        optionIds:
          course.questions
            .find((candidate) => candidate.questionId === q.questionId)
            ?.options.filter((option) => option.correct)
            .map((option) => option.optionId) ?? [],
      })),
    });
  }

  async function openProposals(mode?: string): Promise<Comp> {
    freshSimulator();
    const page = render(simulate, 'packages/training/pages/proposals/index');
    await lifecycle(simulate, page, 'onLoad', mode ? { mode } : {});
    await untilPresent(page, mode ? '.card' : '#submit-proposal');
    return page;
  }

  it('goes round the loop on the pages', async () => {
    const hrOpenid = openidOf('H001');
    await passHrCourse(hrOpenid);

    caller = hrOpenid;
    const write = await openProposals();
    typeInto(write, '#title', '缩短经理审批等待');
    typeInto(write, '#text', '经理审批平均等待 3.2 天，是最慢的阶段：建议第 2 天起每日提醒经理。');
    await simulate.sleep(10);
    tapButton(write, '#submit-proposal');
    expect(await untilShown(write, '待评审')).toContain('缩短经理审批等待');
    const listed = (await invoke(ADMIN, 'training.proposals', {})) as Envelope<{
      proposals: { proposalId: string }[];
    }>;
    if (!listed.ok) throw new Error(listed.error.message);
    const id = listed.data.proposals[0]?.proposalId ?? '';

    caller = ADMIN;
    const review = await openProposals('review');
    typeInto(review, `#comment-${id}`, '请补充按部门的等待天数');
    await simulate.sleep(10);
    tapButton(review, `#return-${id}`);
    expect(await untilShown(review, '退回修改')).toContain('请补充按部门的等待天数');

    caller = hrOpenid;
    const revise = await openProposals();
    tapButton(revise, `#revise-${id}`);
    await simulate.sleep(10);
    typeInto(revise, '#title', '缩短经理审批等待（附部门数据）');
    await simulate.sleep(10);
    tapButton(revise, '#submit-proposal');
    expect(await untilShown(revise, '（附部门数据）')).toContain('第 2 轮');

    caller = ADMIN;
    const accept = await openProposals('review');
    tapButton(accept, `#accept-${id}`);
    expect(await untilShown(accept, '已接受')).toContain('已接受');

    caller = hrOpenid;
    const mine = await openProposals();
    const text = await untilShown(mine, '已接受');
    expect(text).toContain('第 1 轮「缩短经理审批等待」：退回修改 — 请补充按部门的等待天数');
    expect(text).toContain('第 2 轮「缩短经理审批等待（附部门数据）」：接受');
  });
});

it('shows HR the mastery rate and the trained/untrained comparison on the stats page', async () => {
  // D002 became 已掌握 above; now they really resign: a trained case.
  const submitted = await invoke(openidOf('D002'), 'case.submit', {
    reason: 'resignation',
    idempotencyKey: 'training-stats-page-1',
  });
  if (!submitted.ok) throw new Error(submitted.error.message);
  await invoke(openidOf('D003'), 'case.submit', {
    reason: 'resignation',
    idempotencyKey: 'training-stats-page-2',
  });

  caller = openidOf('H001');
  const page = render(simulate, 'packages/admin/pages/training-stats/index');
  await lifecycle(simulate, page, 'onLoad');
  await untilPresent(page, '#comparison');

  expect(textOf(page, '#mastery-rate')).toMatch(/^\d+%$/);
  expect(textOf(page, '#mastery-rate')).not.toBe('0%');
  const comparison = textOf(page, '#comparison');
  expect(comparison).toContain('已掌握1 件');
  expect(comparison).toContain('未掌握1 件');
  const text = allText(page);
  expect(text).toContain('按月趋势');
  expect(text).toContain('研发部 · 员工课程');
});
