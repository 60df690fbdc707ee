import type { VerifyImage } from './document-renderer.port';

/** The image that opens the verify page with a scene (WeChat's 小程序码, `wxacode.getUnlimited`). */
export interface VerifyCodes {
  /** The image, or null when WeChat refused it (the code is printed beside it anyway). */
  image(scene: string, page: string): Promise<VerifyImage | null>;
}
