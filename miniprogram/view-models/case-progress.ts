import { formatMonthDay } from './beijing-time';
import type { ActionResult } from '../../server/contract';

/** One TDesign step: the server's label and status, with the day it was reached. */
export interface StepRow {
  key: string;
  title: string;
  status: 'finish' | 'process' | 'error' | 'default';
  /** `3月1日`, or '' before the step is reached. */
  content: string;
}

export interface ProgressView {
  steps: StepRow[];
  /** The step under way (or stopped); every step when the case is archived. */
  current: number;
  /** `退回补充：交接清单缺少项目文档`, shown in red under the steps ('' when none). */
  stopped: string;
}

export function progressView(view: ActionResult<'case.get'>): ProgressView | null {
  const progress = view.progress;
  if (!progress || progress.length === 0) return null;
  const steps = progress.map((p) => ({
    key: p.step,
    title: p.label,
    status: p.status,
    content: p.reachedOn ? formatMonthDay(p.reachedOn) : '',
  }));
  const active = progress.findIndex((p) => p.status === 'process' || p.status === 'error');
  const stoppedStep = progress.find((p) => p.status === 'error');
  const stopped = stoppedStep?.subState
    ? `${stoppedStep.subState}${stoppedStep.note ? `：${stoppedStep.note}` : ''}`
    : '';
  return { steps, current: active === -1 ? steps.length : active, stopped };
}
