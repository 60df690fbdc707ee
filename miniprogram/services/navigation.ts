import type { BoardTab } from '../view-models/board-rows';

/** Page navigation; pages call these instead of wx.* so tests and routes live in one place. */
export const ROUTES = {
  home: '/pages/home/index',
  cases: '/pages/cases/index',
  me: '/pages/me/index',
  resignSubmit: '/packages/resign/pages/submit/index',
  caseDetail: '/packages/case/pages/detail/index',
  sign: '/packages/sign/pages/sign/index',
  caseEvidence: '/packages/case/pages/evidence/index',
  caseInterview: '/packages/case/pages/interview/index',
  handoverMine: '/packages/handover/pages/mine/index',
  adminStats: '/packages/admin/pages/stats/index',
  adminTerminate: '/packages/admin/pages/terminate/index',
  adminEmployee: '/packages/admin/pages/employee/index',
  adminRoster: '/packages/admin/pages/roster/index',
  adminHistoryImport: '/packages/admin/pages/history-import/index',
  adminTrialSend: '/packages/admin/pages/trial-send/index',
  adminConfigAlerts: '/packages/admin/pages/config-alerts/index',
  adminTrainingStats: '/packages/admin/pages/training-stats/index',
  adminInterviewStats: '/packages/admin/pages/interview-stats/index',
  adminInterviewQuestions: '/packages/admin/pages/interview-questions/index',
  adminWorkshops: '/packages/admin/pages/workshops/index',
  trainingCatalog: '/packages/training/pages/catalog/index',
  trainingLesson: '/packages/training/pages/lesson/index',
  trainingQuiz: '/packages/training/pages/quiz/index',
  trainingPractice: '/packages/training/pages/practice/index',
  trainingProposals: '/packages/training/pages/proposals/index',
  trainingWorkshops: '/packages/training/pages/workshops/index',
  trainingWorkshopPass: '/packages/training/pages/workshop-pass/index',
  privacyGuide: '/packages/privacy/pages/guide/index',
} as const;

export type TabRoute = typeof ROUTES.home | typeof ROUTES.cases | typeof ROUTES.me;

export function switchTab(url: TabRoute): void {
  wx.switchTab({ url });
}

export function openPage(url: string, query: Record<string, string> = {}): void {
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  wx.navigateTo({ url: search ? `${url}?${search}` : url });
}

export function redirectTo(url: string, query: Record<string, string> = {}): void {
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  wx.redirectTo({ url: search ? `${url}?${search}` : url });
}

/** `wx.switchTab` carries no query: the board tab another page asked for waits here. */
let requestedBoardTab: BoardTab | null = null;

/** Opens the board (a tab page) on one of its tabs, e.g. 待你处理 from the home card. */
export function openBoardOn(tab: BoardTab): void {
  requestedBoardTab = tab;
  switchTab(ROUTES.cases);
}

/** The tab asked for since the board last looked, once. */
export function takeRequestedBoardTab(): BoardTab | null {
  const tab = requestedBoardTab;
  requestedBoardTab = null;
  return tab;
}
