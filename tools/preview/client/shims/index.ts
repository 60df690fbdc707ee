/**
 * The `wx` object of the preview: every API the pages and TDesign call, one module each, and a
 * visible warning (never a silent no-op) for anything else.
 */
import type { PageStack } from '../pages';
import { canvasToTempFilePath } from './canvas';
import { getClipboardData, setClipboardData } from './clipboard';
import { cloud } from './cloud';
import { openDocument, previewImage } from './document';
import { downloadFile } from './download';
import {
  hideLoading,
  hideToastApi,
  showActionSheet,
  showLoading,
  showModal,
  showToast,
} from './feedback';
import { chooseMedia, chooseMessageFile } from './files';
import { warn } from './overlay';
import * as storage from './storage';
import { requestSubscribeMessage } from './subscribe';
import { system } from './system';
import { wxApi } from './wx-api';

export function createWx(stack: PageStack, title: HTMLElement): Record<string, unknown> {
  const implemented: Record<string, unknown> = {
    ...system,
    cloud,
    navigateTo: stack.navigateTo,
    navigateBack: stack.navigateBack,
    redirectTo: stack.redirectTo,
    switchTab: stack.switchTab,
    reLaunch: stack.reLaunch,
    startPullDownRefresh: wxApi('startPullDownRefresh', () => (stack.pullDownRefresh(), {})),
    stopPullDownRefresh: wxApi('stopPullDownRefresh', () => (stack.stopPullDownRefresh(), {})),
    setNavigationBarTitle: wxApi('setNavigationBarTitle', (o: { title: string }) => {
      title.textContent = o.title;
      return {};
    }),
    pageScrollTo: wxApi('pageScrollTo', (o: { scrollTop?: number }) => {
      const frame = document.querySelector<HTMLElement>('.page-frame:not([hidden])');
      frame?.scrollTo({ top: o.scrollTop ?? 0 });
      return {};
    }),
    showToast,
    hideToast: hideToastApi,
    showLoading,
    hideLoading,
    showModal,
    showActionSheet,
    setClipboardData,
    getClipboardData,
    openDocument,
    previewImage,
    downloadFile,
    requestSubscribeMessage,
    chooseMessageFile,
    chooseMedia,
    canvasToTempFilePath,
    getStorageSync: storage.getStorageSync,
    setStorageSync: storage.setStorageSync,
    removeStorageSync: storage.removeStorageSync,
    clearStorageSync: storage.clearStorageSync,
    getStorage: storage.getStorage,
    setStorage: storage.setStorage,
  };
  return new Proxy(implemented, {
    get(target, key) {
      if (typeof key !== 'string' || key in target) return target[key as string];
      return (options?: { fail?: (e: unknown) => void; complete?: (e: unknown) => void }) => {
        warn(`wx.${key} 在预览中不可用（preview does not implement it）`);
        const error = { errMsg: `${key}:fail not supported in the preview` };
        options?.fail?.(error);
        options?.complete?.(error);
        return options?.fail || options?.complete ? undefined : Promise.reject(error);
      };
    },
  });
}
