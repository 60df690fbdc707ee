import { CLOUD_ENV } from '../config/cloud';

/** Initialises wx.cloud once, at launch, for the configured environment. */
export function initCloud(): void {
  wx.cloud.init({ env: CLOUD_ENV, traceUser: true });
}
