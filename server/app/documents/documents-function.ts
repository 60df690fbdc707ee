import {
  type DocumentsExportResult,
  type DocumentsRenderResult,
  type Envelope,
  documentsRequestSchema,
  validationError,
} from '../../contract';
import { callerRoles, type Caller } from '../caller';
import { actorAs, loadCase } from '../case-access';
import type { AnchorMarkersRepository } from '../ports/anchor-markers.port';
import type { ArchiveWriter } from '../ports/archive-writer.port';
import { exportCase } from './arbitration-export';
import { beijingClock } from './paper-content';
import { fail } from '../outcome';
import type { EmployeesRepository } from '../ports/employees.port';
import type { PendingDocumentsQuery } from '../ports/pending-documents.port';
import { type RenderDeps, type RenderOutcome, renderPendingDocuments } from './render-documents';

export interface DocumentsFunctionDeps extends RenderDeps {
  readonly employees: EmployeesRepository;
  readonly pending: PendingDocumentsQuery;
  readonly adminOpenids: ReadonlySet<string>;
  readonly anchors: AnchorMarkersRepository;
  readonly archive: ArchiveWriter;
}

/** Cases one timer run looks at: each render takes ~0.1–0.3 s of the function's time budget. */
export const TIMER_BATCH = 20;

/**
 * A client's request to render its case's pending documents (right after `case.sign` or
 * `case.issueCertificate`): the caller must be bound (or an admin) and related to the case, as
 * for `case.get`. Rendering only ever turns pending documents into PDFs, so a repeat is harmless.
 */
export async function handleRenderRequest(
  deps: DocumentsFunctionDeps,
  event: unknown,
  openid: string | undefined,
  now: Date,
): Promise<Envelope<DocumentsRenderResult | DocumentsExportResult>> {
  const request = documentsRequestSchema.safeParse(event);
  if (!request.success) {
    return {
      ok: false,
      error: validationError('请求格式不正确', {
        field: 'payload',
        issues: request.error.issues.map((i) => ({
          field: i.path.join('.'),
          message: i.message,
        })),
      }),
    };
  }
  if (!openid) return fail('UNAUTHENTICATED', '请在微信中打开');
  const employee = await deps.employees.findByOpenid(openid);
  const isEnvAdmin = deps.adminOpenids.has(openid);
  if (!employee && !isEnvAdmin) return fail('UNAUTHENTICATED', '请先绑定员工身份');
  const caller: Caller = { openid, employee, roles: callerRoles(employee, isEnvAdmin) };
  const loaded = await loadCase(deps.cases, caller, request.data.payload.caseId);
  if (!loaded.ok) return loaded;
  if (request.data.action === 'documents.export') {
    // HR's, for arbitration; an HR's own departure is exported by another HR.
    if (!actorAs(caller, loaded.relation, 'hr')) return fail('FORBIDDEN', '只有 HR 可以导出证据包');
    const { companyName } = await deps.settings.get();
    const { bytes, files } = await exportCase(
      deps,
      loaded.case,
      companyName ?? '公司',
      beijingClock(now.toISOString()),
    );
    const sha256 = deps.crypto.sha256(bytes);
    const fileId = await deps.files.upload(`exports/${loaded.case.caseId}/${sha256}.zip`, bytes);
    const urls = await deps.files.temporaryUrls([fileId]);
    return {
      ok: true,
      data: {
        caseId: loaded.case.caseId,
        fileId,
        url: urls[fileId] ?? '',
        sha256,
        size: bytes.length,
        files,
      },
    };
  }
  const outcome = await renderPendingDocuments(deps, loaded.case.caseId, now);
  return {
    ok: true,
    data: { ...outcome, rendered: [...outcome.rendered], pending: [...outcome.pending] },
  };
}

/** The timer: every case with a pending document, within the time budget. */
export async function renderAllPending(
  deps: DocumentsFunctionDeps,
  now: Date,
  budget: { readonly ms: number; readonly monotonic: () => number },
): Promise<{ cases: RenderOutcome[]; stoppedEarly: boolean }> {
  const started = budget.monotonic();
  const cases: RenderOutcome[] = [];
  for (const caseId of await deps.pending.pendingCaseIds(TIMER_BATCH)) {
    if (budget.monotonic() - started > budget.ms) return { cases, stoppedEarly: true };
    try {
      cases.push(await renderPendingDocuments(deps, caseId, now));
    } catch (error) {
      // One case's fault (a file gone, storage down) must not hold up the others.
      deps.logError(error);
    }
  }
  return { cases, stoppedEarly: false };
}
