/** The phone the preview pretends to be: 375 × 812, pixel ratio 3, WeChat 8 on iOS. */
import { wxApi } from './wx-api';

const WINDOW = {
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 812 - 44 - 44,
  statusBarHeight: 44,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  screenTop: 88,
};
const DEVICE = { brand: 'iPhone', model: 'iPhone X', system: 'iOS 16.0', platform: 'ios' };
const APP = { SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.40', theme: 'light' };

export const system = {
  getWindowInfo: () => ({ ...WINDOW }),
  getDeviceInfo: () => ({ ...DEVICE, benchmarkLevel: 1 }),
  getAppBaseInfo: () => ({ ...APP }),
  getSystemInfoSync: () => ({ ...WINDOW, ...DEVICE, ...APP }),
  getSystemInfo: wxApi('getSystemInfo', () => ({ ...WINDOW, ...DEVICE, ...APP })),
  getMenuButtonBoundingClientRect: () => ({
    width: 87,
    height: 32,
    top: 48,
    bottom: 80,
    left: 278,
    right: 365,
  }),
  // The capsule never moves in the preview: nothing will ever be reported.
  onMenuButtonBoundingClientRectWeightChange: () => undefined,
  offMenuButtonBoundingClientRectWeightChange: () => undefined,
  getLaunchOptionsSync: () => ({
    path: 'pages/home/index',
    query: {},
    scene: 1001,
    referrerInfo: {},
  }),
  getEnterOptionsSync: () => ({
    path: 'pages/home/index',
    query: {},
    scene: 1001,
    referrerInfo: {},
  }),
  getAccountInfoSync: () => ({
    miniProgram: { appId: 'preview', envVersion: 'develop', version: '' },
  }),
  canIUse: () => true,
  nextTick: (fn: () => void) => void Promise.resolve().then(fn),
  vibrateShort: wxApi('vibrateShort', () => ({})),
  // The preview is granted every privacy declaration (the admin's 用户隐私保护指引).
  getPrivacySetting: wxApi('getPrivacySetting', () => ({
    needAuthorization: false,
    privacyContractName: '《离职通隐私保护指引》',
  })),
  requirePrivacyAuthorize: wxApi('requirePrivacyAuthorize', () => ({})),
  onNeedPrivacyAuthorization: () => undefined,
};
