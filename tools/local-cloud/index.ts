/** The local cloud's programmatic API (see README.md). */
export {
  closeOnSignals,
  createLocalCloud,
  LocalCloud,
  LOCAL_APPID,
  type HttpAccessEvent,
  type InvocationOutcome,
  type InvokeOptions,
  type LocalCloudClock,
  type LocalCloudOptions,
  type LocalCloudStats,
} from './local-cloud';
export type { IndexSpec } from './document-store';
export { TcbError, UnknownFunctionError } from './cloud-error';
export { AGGREGATE_DEFAULT_LIMIT, GET_DEFAULT_LIMIT, GET_MAX_LIMIT } from './database';
export { TEMP_URL_MAX_FILES, type StoredFileInfo } from './storage';
export type { OutboxEntry, Template, FieldType } from './subscribe-message';
export type { TimerRun } from './timers';
export type { RoundTrips } from './invocation-context';
export {
  encodeRecord,
  JOURNAL_FILE,
  journalName,
  SNAPSHOT_FILE,
  snapshotHeader,
  type JournalRecord,
} from './journal';
export { FUNCTION_BODY_LIMIT, UPLOAD_BODY_LIMIT } from './http-server';
