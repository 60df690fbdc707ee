/**
 * The RPC contract of the `offboarding` function. The mini program imports it with
 * `import type` only: zod stays on the server.
 */
export {
  ACTIONS,
  ACTION_NAMES,
  HISTORY_LIMIT,
  isActionName,
  type ActionName,
  type ActionPayload,
  type Actions,
  type ParsedPayload,
} from './actions';
export type { ActionResult } from './action-results';
export {
  ERROR_CODES,
  rpcErrorSchema,
  rpcRequestSchema,
  type Envelope,
  type ErrorCode,
  type RpcError,
} from './errors';
export { FIELD_LABELS, describeField } from './field-labels';
export {
  documentKindSchema,
  documentView,
  documentsExportResult,
  documentsRenderResult,
  type DocumentsExportResult,
  documentsRequestSchema,
  type DocumentsRenderResult,
} from './documents-function';
export { rpcErrorOf } from './domain-errors';
export {
  presentCase,
  presentChecklist,
  presentChecklistRow,
  presentEvent,
  presentHandover,
  presentHandoverItem,
  presentLetter,
  presentNonCompete,
  presentReminder,
  type AuditEventView,
  type BlockedCaseActionView,
  type CaseActionView,
  type CaseView,
  type ChecklistRowView,
  type HandoverItemView,
  type HandoverView,
  type LetterView,
  type ReminderRowView,
  type StoredReminder,
} from './case-presenter';
export {
  isParsed,
  parseFields,
  parsePayload,
  validationError,
  type ParsedRequest,
  type PayloadIssue,
} from './parse-payload';
export type { RpcRequest } from './rpc-request';
export {
  oaCallbackBody,
  oaWebhookBody,
  type OaCallbackBody,
  type OaResignationCreated,
  type OaResignationWithdrawn,
  type OaWebhookAccepted,
  type OaWebhookBody,
  type OaWebhookRefused,
} from './oa-webhook';

export type { AttachmentKind } from '../domain/attachments';
export type { AuditEventType, EventType } from '../domain/case-events';
export type {
  CancelBasis,
  CaseKind,
  DeliveryMethod,
  EarlyReleaseProposer,
  NoticeMode,
  UnionBody,
} from '../domain/case-kinds';
export type { State } from '../domain/case-states';
export type { ChecklistItemId } from '../domain/checklist';
export type { Reason } from '../domain/reasons';
export type { FaultGround } from '../domain/employer-fault';
export type { ReminderKind, ReminderStatus } from '../domain/reminder-kinds';
export type { PrivateApi } from '../domain/private-apis';
export type { Role } from '../domain/roles';
export type { Audience, QuestionKind } from '../domain/training-courses';
export type { SeatStatus } from '../domain/workshops';
export type { PracticeNode } from '../domain/practice-run';
export type { CertificateStatus } from './views.schema';
