/** Global data the app keeps between pages. */
interface IAppOption {
  globalData: {
    /** The last `me.get` answer; null before it arrives or when not bound. */
    // An ambient file cannot use a top-level import without becoming a module.
    // eslint-disable-next-line @typescript-eslint/consistent-type-imports
    session?: import('../server/contract').ActionResult<'me.get'> | null;
  };
}
