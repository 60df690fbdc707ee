import { loadCase } from '../case-access';
import { ok } from '../outcome';
import type { CasesRepository } from '../ports/cases.port';
import type { FileStore } from '../ports/file-store.port';
import type { Handler } from '../rpc-handler';

export interface DocumentsViewDeps {
  readonly cases: CasesRepository;
  readonly files: FileStore;
}

/**
 * `case.documents`: the case's PDFs for whoever may see the case (owner, their manager, HR),
 * each with its SHA-256 as recorded and a temporary URL handed out after that check.
 */
export function documentsViewHandlers(deps: DocumentsViewDeps): {
  'case.documents': Handler<'case.documents'>;
} {
  return {
    async 'case.documents'({ caller }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const all = loaded.case.documents ?? [];
      const ready = all.flatMap((d) =>
        d.status === 'ready' && d.fileId && d.sha256 && d.createdAt
          ? [{ kind: d.kind, fileId: d.fileId, sha256: d.sha256, createdAt: d.createdAt }]
          : [],
      );
      const urls =
        ready.length > 0 ? await deps.files.temporaryUrls(ready.map((d) => d.fileId)) : {};
      return ok({
        documents: ready.map((d) => ({ ...d, url: urls[d.fileId] ?? '' })),
        pending: all.filter((d) => d.status === 'pending').map((d) => d.kind),
        certificateStatesReason: loaded.case.certificateStatesReason ?? null,
      });
    },
  };
}
