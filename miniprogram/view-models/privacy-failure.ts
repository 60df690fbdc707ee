import type { PrivateApi } from '../../server/contract';

/**
 * How a private API's `fail` ended (WeChat's 2023 privacy rules): the user cancelled the
 * picker; the user refused the privacy pop-up (errno 104: they may agree when asked again);
 * the API is not declared in 用户隐私保护指引 (errno 112: only the MP admin can fix it); or
 * anything else.
 */
export type FailureKind = 'cancelled' | 'refused' | 'undeclared' | 'failed';

export const PRIVACY_REFUSED_ERRNO = 104;
export const PRIVACY_UNDECLARED_ERRNO = 112;

export function failureKind(error: unknown): FailureKind {
  const { errno, errMsg } = (typeof error === 'object' && error !== null ? error : {}) as {
    errno?: unknown;
    errMsg?: unknown;
  };
  const text = typeof errMsg === 'string' ? errMsg : '';
  // Base libraries without errno still say it in errMsg.
  if (errno === PRIVACY_UNDECLARED_ERRNO || text.includes('not declared in the privacy')) {
    return 'undeclared';
  }
  if (errno === PRIVACY_REFUSED_ERRNO || text.includes('privacy permission is not authorized')) {
    return 'refused';
  }
  if (text.includes('cancel')) return 'cancelled';
  return 'failed';
}

export interface PrivacyTexts {
  /** The modal after a refusal, offering to ask again. */
  readonly askAgain: string;
  /** Shown when the user still does not agree. */
  readonly refused: string;
  /** Shown when the API is not declared: nothing the user can do but ask for help. */
  readonly undeclared: string;
  readonly failed: string;
}

/**
 * What each API's failure tells the person, naming the 用户隐私保护指引 entry as the pop-up
 * showed it, and what to do next.
 */
export const PRIVACY_TEXTS: Record<PrivateApi, PrivacyTexts> = {
  chooseMessageFile: {
    askAgain:
      '你未同意《用户隐私保护指引》中的“选中的文件”，暂时无法从聊天中选择文件。是否重新授权？',
    refused: '未获得“选中的文件”授权，无法选择文件。需要时请再次点击上传并选择同意。',
    undeclared:
      '小程序的《用户隐私保护指引》尚未声明“选中的文件”，暂时无法选择文件，你无法自行解决。请联系 HR 处理。',
    failed: '选择文件失败，请稍后重试；如一直失败，请联系 HR。',
  },
  chooseMedia: {
    askAgain:
      '你未同意《用户隐私保护指引》中的“选中的照片或视频信息”，暂时无法拍照或选择照片。是否重新授权？',
    refused: '未获得“选中的照片或视频信息”授权，无法选择照片。需要时请再次点击并选择同意。',
    undeclared:
      '小程序的《用户隐私保护指引》尚未声明“选中的照片或视频信息”，暂时无法拍照上传，你无法自行解决。请联系 HR 处理，或改从聊天中选择文件。',
    failed: '选择照片失败，请稍后重试；如一直失败，请联系 HR。',
  },
  // Copying is HR's (binding codes): the person to ask is the mini program's admin.
  setClipboardData: {
    askAgain: '你未同意《用户隐私保护指引》中的“剪切板”，暂时无法复制。是否重新授权？',
    refused: '未获得“剪切板”授权，无法复制，请手动抄写。',
    undeclared:
      '小程序的《用户隐私保护指引》尚未声明“剪切板”，暂时无法复制，请手动抄写，并联系小程序管理员补充声明。',
    failed: '复制失败，请手动抄写',
  },
};
