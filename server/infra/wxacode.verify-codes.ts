import type { VerifyCodes } from '../app/ports/verify-codes.port';

/**
 * The verify page's 小程序码 from WeChat (`openapi.wxacode.getUnlimited`, declared in the
 * documents function's config.json). `checkPath: false` lets a page not yet released get a code;
 * `envVersion` follows the mini program's state (a trial build opens trial codes).
 */
export function wxacodeVerifyCodes(
  cloud: WxServerSdk.Cloud,
  envVersion: 'release' | 'trial' | 'develop',
): VerifyCodes {
  return {
    async image(scene, page) {
      const answer = await cloud.openapi.wxacode.getUnlimited({
        scene,
        page,
        checkPath: false,
        envVersion,
        width: 280,
      });
      return { contentType: answer.contentType, bytes: answer.buffer };
    },
  };
}
