import { chooseCertificateReason, issueCertificate } from '../../domain/certificate';
import { actorAs, domainFailure, loadCase } from '../case-access';
import { saveChange } from '../case-writer';
import { fail, ok } from '../outcome';
import type { CasesRepository } from '../ports/cases.port';
import type { Crypto } from '../ports/crypto.port';
import type { SettingsRepository } from '../ports/settings.port';
import type { Handler } from '../rpc-handler';

export interface CertificateDeps {
  readonly cases: CasesRepository;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
}

const CONFLICT_MESSAGE = '案件刚被他人修改，请刷新后重试';

/**
 * The 离职证明 (劳动合同法 第50条): the employee chooses whether it states the reason; HR
 * issues it from the case on or after the last working day. Its PDF is rendered by the
 * documents function, which the client asks right after.
 */
export function certificateHandlers(deps: CertificateDeps): {
  'case.certificateReason': Handler<'case.certificateReason'>;
  'case.issueCertificate': Handler<'case.issueCertificate'>;
} {
  return {
    async 'case.certificateReason'({ caller, now }, { caseId, statesReason }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const actor = actorAs(caller, loaded.relation, 'employee');
      if (!actor) return fail('FORBIDDEN', '只有本人可以选择离职证明是否写明原因');
      const { state, version } = loaded.case;
      if (loaded.case.certificateStatesReason === statesReason) {
        // The same choice again changes nothing and writes no event.
        return ok({ caseId, state, version, statesReason });
      }
      const chosen = chooseCertificateReason(loaded.case, statesReason, actor, now);
      if (!chosen.ok) return domainFailure(chosen);
      const { policy } = await deps.settings.get();
      const saved = await saveChange(
        deps.cases,
        loaded.case,
        chosen.case,
        chosen.effects.event,
        policy,
        deps.crypto,
      );
      if (!saved.ok) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok({ caseId, state: saved.case.state, version: saved.case.version, statesReason });
    },

    async 'case.issueCertificate'({ caller, now }, { caseId }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const actor = actorAs(caller, loaded.relation, 'hr');
      if (!actor) return fail('FORBIDDEN', '只有 HR 可以出具离职证明，且不能为本人出具');
      const { policy, companyName } = await deps.settings.get();
      const issued = issueCertificate(loaded.case, companyName ?? '公司', actor, now);
      if (!issued.ok) return domainFailure(issued);
      const saved = await saveChange(
        deps.cases,
        loaded.case,
        issued.case,
        issued.effects.event,
        policy,
        deps.crypto,
      );
      if (!saved.ok) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok({
        caseId,
        state: saved.case.state,
        version: saved.case.version,
        text: saved.case.certificateText ?? '',
        pending: (saved.case.documents ?? [])
          .filter((d) => d.status === 'pending')
          .map((d) => d.kind),
      });
    },
  };
}
