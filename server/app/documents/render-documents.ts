import { SYSTEM_ACTOR } from '../../domain/audit-records';
import {
  type DocumentKind,
  recordDocument,
  VERIFY_PAGE,
  verifyScene,
} from '../../domain/case-paper';
import { saveChange } from '../case-writer';
import type { CasesRepository, StoredCase } from '../ports/cases.port';
import type { Crypto } from '../ports/crypto.port';
import type { DocumentRenderer, PaperDocument } from '../ports/document-renderer.port';
import type { EmployeesRepository } from '../ports/employees.port';
import type { FileStore } from '../ports/file-store.port';
import type { SettingsRepository } from '../ports/settings.port';
import type { VerifyCodes } from '../ports/verify-codes.port';
import { certificatePaper, nonCompetePaper, signedLetterPaper } from './paper-content';

export interface RenderDeps {
  readonly cases: CasesRepository;
  readonly employees: EmployeesRepository;
  readonly settings: SettingsRepository;
  readonly files: FileStore;
  readonly crypto: Crypto;
  readonly renderer: DocumentRenderer;
  readonly verifyCodes: VerifyCodes;
  readonly logError: (error: unknown) => void;
}

export interface RenderOutcome {
  readonly caseId: string;
  readonly rendered: readonly DocumentKind[];
  /** Still pending: a conflict or a missing input; the timer tries again. */
  readonly pending: readonly DocumentKind[];
}

/** Where a document's PDF is kept: under `evidence/`, which clients cannot write, named by its hash. */
export function documentPath(caseId: string, kind: DocumentKind, sha256: string): string {
  return `evidence/${caseId}/documents/${kind}-${sha256}.pdf`;
}

/** Names of everyone who acted on the case, as the roster knows them now. */
async function actorNames(
  employees: EmployeesRepository,
  caseDoc: StoredCase,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (caseDoc.employeeOpenid) names.set(caseDoc.employeeOpenid, caseDoc.employee.name);
  const openids = new Set(
    caseDoc.events.filter((e) => e.actor.role !== 'system').map((e) => e.actor.openid),
  );
  for (const openid of openids) {
    if (names.has(openid)) continue;
    const employee = await employees.findByOpenid(openid);
    if (employee) names.set(openid, employee.name);
  }
  return names;
}

/** The verify page's code image; the code is printed beside it, so a refusal costs only the image. */
function verifyImage(deps: RenderDeps, caseId: string, kind: DocumentKind) {
  return deps.verifyCodes.image(verifyScene(caseId, kind), VERIFY_PAGE).catch((error: unknown) => {
    deps.logError(error);
    return null;
  });
}

/** The paper for a pending document, or null when its inputs are gone (nothing to render). */
async function paperFor(
  deps: RenderDeps,
  caseDoc: StoredCase,
  kind: DocumentKind,
): Promise<PaperDocument | null> {
  if (kind === 'non_compete_notice') {
    if (caseDoc.nonCompeteNoticeText === undefined) return null;
    return nonCompetePaper(caseDoc, await verifyImage(deps, caseDoc.caseId, kind));
  }
  if (kind === 'certificate') {
    if (caseDoc.certificateText === undefined) return null;
    const { companySealFileId } = await deps.settings.get();
    const [seal, qr] = await Promise.all([
      companySealFileId ? deps.files.download(companySealFileId) : null,
      verifyImage(deps, caseDoc.caseId, kind),
    ]);
    return certificatePaper(caseDoc, seal, qr);
  }
  const signature = caseDoc.signature;
  if (!signature?.evidenceFileId || signature.letterText === undefined) return null;
  const [png, names, { companyName }, qr] = await Promise.all([
    deps.files.download(signature.evidenceFileId),
    actorNames(deps.employees, caseDoc),
    deps.settings.get(),
    verifyImage(deps, caseDoc.caseId, kind),
  ]);
  if (!png) return null;
  return signedLetterPaper(caseDoc, kind, png, names, companyName ?? '公司', qr);
}

/**
 * Renders every pending document of a case (DESIGN: documents are rendered outside the
 * offboarding call), keeps each PDF under `evidence/`, and records its SHA-256 as a
 * `document.generated` event in a version-checked update. A lost race is retried once with the
 * case read again; the document itself depends only on the events up to its request, so the
 * retry renders the same text.
 */
export async function renderPendingDocuments(
  deps: RenderDeps,
  caseId: string,
  now: Date,
): Promise<RenderOutcome> {
  let caseDoc = await deps.cases.get(caseId);
  const rendered: DocumentKind[] = [];
  const pendingKinds = (c: StoredCase | null) =>
    (c?.documents ?? []).filter((d) => d.status === 'pending').map((d) => d.kind);
  for (const kind of pendingKinds(caseDoc)) {
    if (!caseDoc) break;
    const paper = await paperFor(deps, caseDoc, kind);
    if (!paper) continue;
    const bytes = await deps.renderer.render(paper);
    const sha256 = deps.crypto.sha256(bytes);
    const fileId = await deps.files.upload(documentPath(caseId, kind, sha256), bytes);
    for (let attempt = 0; attempt < 2 && caseDoc; attempt += 1) {
      const recorded = recordDocument(
        caseDoc,
        { kind, fileId, sha256, size: bytes.length },
        SYSTEM_ACTOR,
        now,
      );
      if (!recorded.ok) break;
      const { policy } = await deps.settings.get();
      const saved = await saveChange(
        deps.cases,
        caseDoc,
        recorded.case,
        recorded.effects.event,
        policy,
        deps.crypto,
      );
      if (saved.ok) {
        caseDoc = saved.case;
        rendered.push(kind);
        break;
      }
      caseDoc = await deps.cases.get(caseId);
    }
  }
  return { caseId, rendered, pending: pendingKinds(caseDoc) };
}
