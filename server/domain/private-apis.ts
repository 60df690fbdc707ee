/**
 * The mini program's private APIs (WeChat's 2023 privacy rules): each works only once the
 * MP admin's 用户隐私保护指引 declares the information it touches, and only after the user
 * agrees to the privacy pop-up.
 */
export const PRIVATE_APIS = ['chooseMessageFile', 'chooseMedia', 'setClipboardData'] as const;
export type PrivateApi = (typeof PRIVATE_APIS)[number];

/** The entry to add in 用户隐私保护指引 for each API, as the MP admin lists it. */
export const PRIVACY_DECLARATIONS: Record<PrivateApi, string> = {
  chooseMessageFile: '选中的文件',
  chooseMedia: '选中的照片或视频信息',
  setClipboardData: '剪切板',
};

/**
 * WeChat's errno when the API is not declared in 用户隐私保护指引: only the MP admin can fix
 * it. (104, the user refusing the pop-up, is the user's choice, not a configuration fault.)
 */
export const UNDECLARED_PRIVATE_API_ERRNO = 112;
