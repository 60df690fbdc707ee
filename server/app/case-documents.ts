import type { AttachmentKind } from '../domain/attachments';
import { attach, type AttachmentFile, newAttachmentFiles } from '../domain/case-attachments';
import { signLetter } from '../domain/case-signing';
import { renderLetter } from '../domain/letters';
import { actorAs, domainFailure, loadCase, type Relation } from './case-access';
import { saveChange } from './case-writer';
import { fileProblem, type FileType, sniffFileType, uploaderTag } from './file-rules';
import type { Handler } from './rpc-handler';
import { type Failure, fail, ok, type Outcome } from './outcome';
import type { CasesRepository } from './ports/cases.port';
import type { Crypto } from './ports/crypto.port';
import type { FileStore } from './ports/file-store.port';
import type { SettingsRepository } from './ports/settings.port';

export interface DocumentsDeps {
  readonly cases: CasesRepository;
  readonly settings: SettingsRepository;
  readonly files: FileStore;
  readonly crypto: Crypto;
}

const CONFLICT_MESSAGE = '案件刚被他人修改，请刷新后重试';
const HR_DOCUMENTS: readonly AttachmentKind[] = [
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'notice_delivery',
  'union_notice',
  'union_reply',
];

function attachRole(kind: AttachmentKind, relation: Relation): 'employee' | 'manager' | 'hr' {
  if (HR_DOCUMENTS.includes(kind)) return 'hr';
  if (relation.owner) return 'employee';
  if (relation.hr) return 'hr';
  return 'manager';
}

function invalidFile(field: string, message: string): Failure {
  return fail('VALIDATION_FAILED', message, { field, issues: [{ field, message }] });
}

/** A client's upload that passed the checks, not yet copied. */
interface CheckedFile {
  readonly fileId: string;
  readonly bytes: Uint8Array;
  readonly type: FileType;
  readonly sha256: string;
}

/**
 * Checks a client's upload (DESIGN §4): only files under the case's own folder, of an accepted
 * type and size. Nothing is written, so a refused call leaves no trace.
 */
async function checkUpload(
  deps: DocumentsDeps,
  caseId: string,
  folder: string,
  fileId: string,
  field: string,
  purpose: 'signature' | 'document',
  openid: string,
): Promise<Outcome<CheckedFile>> {
  const path = deps.files.pathOf(fileId);
  const prefix = `cases/${caseId}/${folder}/`;
  if (!path?.startsWith(prefix) || path.length === prefix.length) {
    return invalidFile(field, `文件须上传到本案件的目录 ${prefix}`);
  }
  // Only the caller's own upload, before anything is downloaded or kept.
  const own = `${prefix}${uploaderTag(openid, (text) => deps.crypto.sha256(text))}-`;
  if (!path.startsWith(own) || path.length === own.length) {
    return invalidFile(field, '只能提交本人上传的文件，请重新上传');
  }
  const bytes = await deps.files.download(fileId);
  if (!bytes) return fail('NOT_FOUND', '文件不存在或已删除，请重新上传');
  const type = sniffFileType(bytes, path);
  const problem = fileProblem(bytes, type, purpose);
  if (problem || !type) return invalidFile(field, problem ?? '文件类型不支持');
  return ok({ fileId, bytes, type, sha256: deps.crypto.sha256(bytes) });
}

/** Keeps a checked upload: hashed and copied to `evidence/{caseId}/…`, which clients cannot write. */
async function keepAsEvidence(
  deps: DocumentsDeps,
  caseId: string,
  folder: string,
  { fileId, bytes, type, sha256 }: CheckedFile,
): Promise<AttachmentFile> {
  const evidenceFileId = await deps.files.upload(
    `evidence/${caseId}/${folder}/${sha256}.${type.extension}`,
    bytes,
  );
  return { fileId, evidenceFileId, sha256, size: bytes.length, contentType: type.contentType };
}

export function documentHandlers(deps: DocumentsDeps): {
  'case.attach': Handler<'case.attach'>;
  'case.sign': Handler<'case.sign'>;
} {
  async function save(
    loaded: Awaited<ReturnType<typeof loadCase>> & { ok: true },
    result: ReturnType<typeof attach>,
  ) {
    if (!result.ok) return domainFailure(result);
    const { policy } = await deps.settings.get();
    const saved = await saveChange(
      deps.cases,
      loaded.case,
      result.case,
      result.effects.event,
      policy,
      deps.crypto,
    );
    return saved.ok ? ok(saved.case) : fail('CONFLICT', CONFLICT_MESSAGE);
  }

  return {
    async 'case.attach'({ caller, now }, { caseId, kind, fileIds, documentDate }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const actor = actorAs(caller, loaded.relation, attachRole(kind, loaded.relation));
      if (!actor) return fail('FORBIDDEN', '只有 HR 可以上传此类材料');
      // Who may attach what, and when, is the domain's: ask before any file is copied.
      const allowed = attach(loaded.case, kind, [], actor, now, documentDate);
      if (!allowed.ok) return domainFailure(allowed);
      // Every file is checked before any is copied: one bad file leaves nothing behind.
      const checked: CheckedFile[] = [];
      for (const [index, fileId] of fileIds.entries()) {
        const file = await checkUpload(
          deps,
          caseId,
          kind,
          fileId,
          `fileIds.${index}`,
          'document',
          caller.openid,
        );
        if (!file.ok) return file;
        checked.push(file.data);
      }
      const fresh = newAttachmentFiles(loaded.case, kind, checked);
      if (fresh.length === 0) {
        // Every file is held already: nothing to copy, nothing written.
        const { state, version, attachments } = loaded.case;
        return ok({
          caseId,
          state,
          version,
          attachments: attachments.filter((a) => a.kind === kind),
        });
      }
      const kept: AttachmentFile[] = [];
      for (const file of fresh) kept.push(await keepAsEvidence(deps, caseId, kind, file));
      const saved = await save(loaded, attach(loaded.case, kind, kept, actor, now, documentDate));
      if (!saved.ok) return saved;
      return ok({
        caseId,
        state: saved.data.state,
        version: saved.data.version,
        attachments: saved.data.attachments.filter((a) => a.kind === kind),
      });
    },

    async 'case.sign'({ caller, now }, { caseId, signatureFileId, letterHash }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const actor = actorAs(caller, loaded.relation, 'employee');
      if (!actor) return fail('FORBIDDEN', '只有本人可以签署');
      const { companyName } = await deps.settings.get();
      // The exact text the signer was shown is kept with the signature, with its hash.
      const letterText = renderLetter(loaded.case, companyName ? { companyName } : {}).text;
      const sign = (signatureHash: string, evidenceFileId?: string) =>
        signLetter(
          loaded.case,
          {
            signatureHash,
            evidenceFileId,
            letterHash,
            letterText,
            currentLetterHash: deps.crypto.sha256(letterText),
            clientIp: caller.clientIp ?? '',
          },
          actor,
          now,
        );
      // The state, the item and the letter's hash are checked before the image is kept.
      const allowed = sign('');
      if (!allowed.ok) return domainFailure(allowed);
      const file = await checkUpload(
        deps,
        caseId,
        'signature',
        signatureFileId,
        'signatureFileId',
        'signature',
        caller.openid,
      );
      if (!file.ok) return file;
      const signature = await keepAsEvidence(deps, caseId, 'signature', file.data);
      const saved = await save(loaded, sign(signature.sha256, signature.evidenceFileId));
      if (!saved.ok) return saved;
      return ok({
        caseId,
        state: saved.data.state,
        version: saved.data.version,
        letterHash,
        signatureHash: signature.sha256,
        chainHead: saved.data.lastEventHash ?? '',
      });
    },
  };
}
