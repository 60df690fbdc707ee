/** Global data the app keeps between pages. */
interface IAppOption {
  globalData: Record<string, never>;
}
