import { toInstant } from '../domain/beijing-calendar';
import {
  practiceFinish,
  practiceHandover,
  practiceLetter,
  practiceNode,
  type PracticeResult,
  type PracticeRun,
  practiceSign,
  practiceSubmit,
  startPractice,
} from '../domain/practice-run';
import type { ActionResult } from '../contract';
import type { Caller } from './caller';
import { domainFailure } from './case-access';
import { employeeSnapshot } from './employee-snapshot';
import { fileProblem, sniffFileType, uploaderTag } from './file-rules';
import { fail, ok, type Outcome } from './outcome';
import type { TrainingProgress } from './ports/training-progress.port';
import type { Handler } from './rpc-handler';
import {
  currentCourses,
  emptyProgress,
  learnerIdOf,
  type TrainingDeps,
  withMastery,
} from './training';

type PracticeView = ActionResult<'training.practiceStart'>;

const CONFLICT_MESSAGE = '练习记录刚被更新，请重试';

function view(run: PracticeRun, sha256: (text: string) => string): PracticeView {
  const letter = practiceLetter(run);
  const node = practiceNode(run);
  return {
    practiceId: run.practiceId,
    sandbox: true,
    node,
    steps: run.steps.map((s) => ({ ...s })),
    letter:
      node === 'confirmed' && letter ? { text: letter.text, hash: sha256(letter.text) } : null,
    completed: node === 'completed',
  };
}

/**
 * A practice file: uploaded by the learner as a case file is, under the practice's own folder
 * with their upload tag (`cases/{practiceId}/{kind}/{uploadTag}-…`, the one place the storage
 * rule lets clients write), checked as the real case checks it (type by content, size), hashed.
 */
async function practiceFile(
  deps: TrainingDeps,
  caller: Caller,
  practiceId: string,
  kind: 'handover_checklist' | 'signature',
  fileId: string,
  field: string,
): Promise<Outcome<{ fileId: string; sha256: string; size: number; contentType: string }>> {
  const folder = `cases/${practiceId}/${kind}/`;
  const path = deps.files.pathOf(fileId);
  const tag = uploaderTag(caller.openid, (text) => deps.crypto.sha256(text));
  if (!path?.startsWith(`${folder}${tag}-`)) {
    return fail('VALIDATION_FAILED', `请在本次练习中重新上传文件（${folder}）`, { field });
  }
  const bytes = await deps.files.download(fileId);
  if (!bytes) return fail('NOT_FOUND', '没有找到上传的文件，请重新上传', { field });
  const type = sniffFileType(bytes, path);
  const problem = fileProblem(bytes, type, kind === 'signature' ? 'signature' : 'document');
  if (problem || !type) return fail('VALIDATION_FAILED', problem ?? '文件类型不支持', { field });
  return ok({
    fileId,
    sha256: deps.crypto.sha256(bytes),
    size: bytes.length,
    contentType: type.contentType,
  });
}

/**
 * 模拟离职流程 (issue 14): the learner's sandbox case on the real case machine, kept inside their
 * training record, so no board, statistic, reminder or OA callback ever sees it and it never
 * holds the open-case lock. Finishing deletes the sandbox case and keeps the result.
 */
export function practiceHandlers(deps: TrainingDeps): {
  'training.practiceStart': Handler<'training.practiceStart'>;
  'training.practiceStep': Handler<'training.practiceStep'>;
} {
  const sha256 = (text: string) => deps.crypto.sha256(text);
  return {
    async 'training.practiceStart'({ caller, now }) {
      if (!caller.employee) return fail('FORBIDDEN', '模拟离职需要先绑定员工身份');
      const stored = await deps.progress.get(learnerIdOf(caller));
      const progress = stored ?? emptyProgress(caller, toInstant(now));
      // A fresh practice each time: an unfinished one is dropped.
      const run = startPractice(`p${deps.crypto.randomCode(20)}`, now);
      const saved = await deps.progress.save({
        ...progress,
        practice: run,
        updatedAt: toInstant(now),
      });
      if (!saved) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok(view(run, sha256));
    },

    async 'training.practiceStep'({ caller, now }, payload) {
      const employee = caller.employee;
      if (!employee) return fail('FORBIDDEN', '模拟离职需要先绑定员工身份');
      const progress = await deps.progress.get(learnerIdOf(caller));
      const run = progress?.practice;
      if (!progress || !run || run.practiceId !== payload.practiceId) {
        return fail('NOT_FOUND', '没有这次练习，请重新开始模拟离职');
      }
      const actor = { openid: caller.openid, role: 'employee' as const };
      let next: PracticeResult;
      if (payload.step === 'submit') {
        const { policy } = await deps.settings.get();
        next = practiceSubmit(
          run,
          { employee: employeeSnapshot(employee), openid: caller.openid },
          now,
          policy,
          sha256,
        );
      } else if (payload.step === 'handover') {
        if (practiceNode(run) !== 'submitted') {
          return fail('INVALID_TRANSITION', '请先提交模拟离职，再上传交接清单');
        }
        const file = await practiceFile(
          deps,
          caller,
          run.practiceId,
          'handover_checklist',
          payload.fileId,
          'fileId',
        );
        if (!file.ok) return file;
        const { policy } = await deps.settings.get();
        next = practiceHandover(
          run,
          { ...file.data, evidenceFileId: file.data.fileId },
          actor,
          now,
          policy,
        );
      } else if (payload.step === 'sign') {
        if (practiceNode(run) !== 'confirmed') {
          return fail('INVALID_TRANSITION', '请先完成提交和交接清单，再签署《辞职书》');
        }
        const file = await practiceFile(
          deps,
          caller,
          run.practiceId,
          'signature',
          payload.signatureFileId,
          'signatureFileId',
        );
        if (!file.ok) return file;
        const signed = practiceSign(
          run,
          {
            signatureHash: file.data.sha256,
            letterHash: payload.letterHash,
            clientIp: caller.clientIp ?? '',
          },
          actor,
          now,
          sha256,
        );
        next = signed;
      } else {
        return finish(deps, caller, progress, run, now);
      }
      if (!next.ok) return domainFailure(next);
      const saved = await deps.progress.save({
        ...progress,
        practice: next.run,
        updatedAt: toInstant(now),
      });
      if (!saved) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok(view(next.run, sha256));
    },
  };
}

/** Deletes the sandbox case, keeps the result, and marks 已掌握 when the quizzes are passed too. */
async function finish(
  deps: TrainingDeps,
  caller: Caller,
  progress: TrainingProgress,
  run: PracticeRun,
  now: Date,
): Promise<Outcome<PracticeView>> {
  if (practiceNode(run) !== 'signed') {
    return fail('INVALID_TRANSITION', '请先签署《辞职书》，再完成练习');
  }
  const finished = practiceFinish(run, now);
  if (!finished.ok) return domainFailure(finished);
  const at = toInstant(now);
  const next: TrainingProgress = {
    ...progress,
    practice: undefined,
    practiceCompletedAt: at,
    practiceResult: { practiceId: run.practiceId, completedAt: at, steps: finished.run.steps },
    updatedAt: at,
  };
  const courses = currentCourses(await deps.courses.list());
  const saved = await deps.progress.save(withMastery(caller, courses, next, at));
  if (!saved) return fail('CONFLICT', CONFLICT_MESSAGE);
  return ok(view(finished.run, (text) => deps.crypto.sha256(text)));
}
