import { beijingDate } from '../../domain/beijing-calendar';
import { anchorMismatches, replayCase } from '../../domain/case-replay';
import { DOCUMENT_LABELS, parseVerifyScene, signedDocumentKind } from '../../domain/case-paper';
import { relationTo } from '../case-access';
import { anchoredHeads } from '../evidence-anchor';
import { purgedCaseFailure } from '../case-purge';
import { fail, ok } from '../outcome';
import type { AnchorMarkersRepository } from '../ports/anchor-markers.port';
import type { CasesRepository } from '../ports/cases.port';
import type { Crypto } from '../ports/crypto.port';
import type { FileStore } from '../ports/file-store.port';
import type { PurgedCasesRepository } from '../ports/purged-cases.port';
import type { Handler } from '../rpc-handler';

export interface VerifyDeps {
  readonly cases: CasesRepository;
  readonly anchors: AnchorMarkersRepository;
  readonly files: FileStore;
  readonly crypto: Crypto;
  /** A document of a purged case is reported as purged, not as unknown or tampered. */
  readonly purged: PurgedCasesRepository;
}

const NOT_FOUND_MESSAGE = '没有找到该文书：请核对核验码，或确认文书已经生成';

/**
 * `document.verify`: the verify page's check of one document, named by its QR code's scene.
 * Verification is a replay (DESIGN §3): the stored PDF is hashed again against the hash its
 * event recorded, the case's chain replayed and the daily anchors checked. A PDF the person
 * holds is compared by its SHA-256 (computed on the phone). The employee and HR learn who
 * signed what and when; for a 离职证明 anyone holding the code (a new employer) learns only
 * whether it is genuine and unchanged — nothing else of the case.
 */
export function verifyHandlers(deps: VerifyDeps): {
  'document.verify': Handler<'document.verify'>;
} {
  return {
    async 'document.verify'({ caller, now }, { code, sha256 }) {
      const named = parseVerifyScene(code);
      if (!named) return fail('NOT_FOUND', NOT_FOUND_MESSAGE);
      const caseDoc = await deps.cases.get(named.caseId);
      if (!caseDoc) {
        const tombstone = await deps.purged.get(named.caseId);
        if (tombstone) return purgedCaseFailure(tombstone);
      }
      const document = caseDoc?.documents?.find(
        (d) => d.kind === named.kind && d.status === 'ready',
      );
      if (!caseDoc || !document?.fileId || !document.sha256) {
        return fail('NOT_FOUND', NOT_FOUND_MESSAGE);
      }
      const relation = relationTo(caller, caseDoc);
      const insider = relation.owner || relation.hr;
      if (!insider && named.kind !== 'certificate') {
        return fail('FORBIDDEN', '只有本人和 HR 可以核验此文书');
      }

      const hash = (text: string) => deps.crypto.sha256(text);
      const replay = replayCase(caseDoc, caseDoc.events, hash);
      const today = beijingDate(now);
      const anchorDates = [...new Set(caseDoc.events.map((e) => beijingDate(e.at)))].filter(
        (date) => date < today,
      );
      const [anchors, stored] = await Promise.all([
        anchorDates.length > 0
          ? anchoredHeads(
              { markers: deps.anchors, files: deps.files, crypto: deps.crypto },
              caseDoc.caseId,
              anchorDates,
            )
          : { heads: [], problems: [] },
        deps.files.download(document.fileId),
      ]);
      const replayedDoc = replay.replayed.documents.find((d) => d.kind === named.kind);
      const storedHash = stored ? deps.crypto.sha256(stored) : null;
      const checks = {
        // The PDF as stored is the one whose hash the log recorded.
        file: storedHash !== null && storedHash === replayedDoc?.sha256,
        chain: replay.valid,
        anchors:
          anchors.problems.length === 0 &&
          anchorMismatches(caseDoc.events, anchors.heads).length === 0,
      };
      const valid = checks.file && checks.chain && checks.anchors;
      const recorded = replayedDoc?.sha256 ?? document.sha256;
      const held = sha256 === undefined ? {} : { heldMatches: valid && sha256 === recorded };
      if (!insider) {
        return ok({ kind: named.kind, label: DOCUMENT_LABELS[named.kind], valid, ...held });
      }
      const signature = replay.replayed.signature;
      return ok({
        kind: named.kind,
        label: DOCUMENT_LABELS[named.kind],
        valid,
        ...held,
        details: {
          caseId: caseDoc.caseId,
          employeeName: caseDoc.employee.name,
          sha256: recorded,
          createdAt: replayedDoc?.createdAt ?? document.createdAt ?? '',
          checks,
          // Only the signed paper names its signer: the certificate and the notice are the company's.
          ...(signature && named.kind === signedDocumentKind(caseDoc.kind)
            ? {
                // The signer is the case's employee, bound by OPENID (case.sign allows no other).
                signedBy: caseDoc.employee.name,
                signedAt: signature.at,
                letterHash: signature.letterHash,
                letterTitle: (signature.letterText ?? '').split('\n')[0] ?? '',
              }
            : {}),
        },
      });
    },
  };
}
