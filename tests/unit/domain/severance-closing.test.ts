/** 解释(一) 第35条 and 第46/47条: severance is paid, or closed with its document, never waived. */
import {
  attach,
  buildChecklist,
  type CaseRecord,
  changeChecklistItem,
  transferDue,
} from '../../../server/domain';
import { caseIn, EMPLOYEE, HR, LAST_DAY, policy } from './case-fixtures';

const NOW = new Date('2027-03-10T02:00:00.000Z');

/** A termination in formalities with every item still open. */
function openTermination(): CaseRecord {
  const c = caseIn('termination', 'formalities');
  return {
    ...c,
    checklist: buildChecklist({
      kind: 'termination',
      formalitiesStart: '2027-03-05T02:00:00.000Z',
      lastWorkingDay: LAST_DAY,
      hasManager: true,
      assets: policy.assets,
      noticeMode: 'notice30',
    }),
  };
}

function withDocument(c: CaseRecord): CaseRecord {
  const attached = attach(
    c,
    'severance_document',
    [
      {
        fileId: 'cloud://env/cases/c1/severance_document/a.pdf',
        evidenceFileId: 'cloud://env/evidence/c1/a.pdf',
        sha256: 'a'.repeat(64),
        size: 10,
        contentType: 'application/pdf',
      },
    ],
    HR,
    NOW,
  );
  if (!attached.ok) throw new Error(JSON.stringify(attached));
  return attached.case;
}

describe('severance_paid (解释(一) 第35条)', () => {
  it('第46条: severance is never waived, even with a note', () => {
    expect(
      changeChecklistItem(
        openTermination(),
        { item: 'severance_paid', waive: true, note: '员工同意放弃' },
        HR,
        NOW,
      ),
    ).toMatchObject({ ok: false, guard: 'statutory_duty' });
  });

  it('解释(一) 第35条: closing as settled or not owed needs the document on the case', () => {
    expect(
      changeChecklistItem(
        openTermination(),
        { item: 'severance_paid', closeAs: 'settled' },
        HR,
        NOW,
      ),
    ).toMatchObject({ ok: false, guard: 'severance_document_attached' });
  });

  it.each(['settled', 'not_owed'] as const)(
    '解释(一) 第35条: closed as %s with the document, it counts as done and names the document',
    (closeAs) => {
      const result = changeChecklistItem(
        withDocument(openTermination()),
        { item: 'severance_paid', closeAs, note: '协议编号 2027-01' },
        HR,
        NOW,
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      const entry = result.case.checklist.find((e) => e.item === 'severance_paid');
      expect(entry).toMatchObject({ done: true, closedAs: closeAs, doneBy: HR.openid });
      expect(entry?.waived).toBeUndefined();
      expect(result.effects.event).toMatchObject({
        type: 'checklist.done',
        payload: { item: 'severance_paid', closeAs, document: 'a'.repeat(64) },
      });
    },
  );

  it('解释(一) 第35条: only HR closes it, and the document is HR’s to attach', () => {
    const c = withDocument(openTermination());
    expect(
      changeChecklistItem(c, { item: 'severance_paid', closeAs: 'settled' }, EMPLOYEE, NOW),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(attach(openTermination(), 'severance_document', [], EMPLOYEE, NOW)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('住房公积金管理条例 第15条: housing_fund_seal keeps 15 days as the internal target (the law allows 30)', () => {
    const entry = openTermination().checklist.find((e) => e.item === 'housing_fund_seal');
    expect(entry?.due).toBe(transferDue(LAST_DAY));
    expect(entry?.due).toBe('2027-04-15');
  });
});
