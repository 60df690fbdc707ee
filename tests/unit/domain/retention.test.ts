import {
  caseTombstone,
  MIN_RETENTION_YEARS,
  purgeableFrom,
  purgeVerdict,
  retentionYears,
  storedFileIds,
} from '../../../server/domain';
import { caseIn, sha256 } from './case-fixtures';

/** Closed on 2027-03-05 10:00 Beijing. */
const CLOSED_AT = '2027-03-05T02:00:00.000Z';
const closed = (overrides = {}) =>
  caseIn('resignation', 'completed', {
    completedAt: CLOSED_AT,
    lastEventHash: sha256('head'),
    seq: 12,
    ...overrides,
  });
/** 09:00 Beijing on a date. */
const on = (date: string) => new Date(`${date}T01:00:00.000Z`);

describe('retention of closed cases', () => {
  it('劳动合同法 第50条第3款: kept at least two years, longer when the company says so', () => {
    expect(MIN_RETENTION_YEARS).toBe(2);
    expect(retentionYears(undefined)).toBe(2);
    expect(retentionYears(1)).toBe(2);
    expect(retentionYears(-5)).toBe(2);
    expect(retentionYears('10')).toBe(2);
    expect(retentionYears(Number.NaN)).toBe(2);
    expect(retentionYears(5)).toBe(5);
    expect(retentionYears(3.7)).toBe(3);
  });

  it('劳动合同法 第50条第3款: two full years from the closing (民法典 第201/202条), purged the day after', () => {
    expect(purgeableFrom(CLOSED_AT, 2)).toBe('2029-03-06');
    expect(purgeableFrom(CLOSED_AT, 5)).toBe('2032-03-06');
    // Closed late on 29 February: the period ends on the month's last day, 28 February.
    expect(purgeableFrom('2028-02-29T15:00:00.000Z', 2)).toBe('2030-03-01');
    // 23:30 on 31 December, Beijing time: the Beijing date counts, not UTC's.
    expect(purgeableFrom('2027-12-31T15:30:00.000Z', 2)).toBe('2030-01-01');
  });

  it('劳动合同法 第50条第3款: refused before the period, a company’s longer period included', () => {
    expect(purgeVerdict(closed(), 2, on('2029-03-05'))).toEqual({
      ok: false,
      guard: 'retention_period',
      purgeableFrom: '2029-03-06',
    });
    expect(purgeVerdict(closed(), 2, on('2029-03-06'))).toMatchObject({ ok: true });
    // A setting below the legal minimum does not shorten it.
    expect(purgeVerdict(closed(), 1, on('2028-03-06'))).toMatchObject({
      guard: 'retention_period',
    });
    expect(purgeVerdict(closed(), 3, on('2029-03-06'))).toMatchObject({
      guard: 'retention_period',
      purgeableFrom: '2030-03-06',
    });
  });

  it('个保法 第47条: a case under a labour dispute is kept, whatever its age', () => {
    expect(purgeVerdict(closed({ disputed: true }), 2, on('2040-01-01'))).toMatchObject({
      ok: false,
      guard: 'case_disputed',
    });
    expect(purgeVerdict(closed({ disputed: false }), 2, on('2040-01-01'))).toMatchObject({
      ok: true,
    });
  });

  it('个保法 第47条: only a closed case is purged, a withdrawn one counted from its withdrawal', () => {
    for (const state of ['draft', 'submitted', 'returned', 'hr_review', 'formalities'] as const) {
      expect(purgeVerdict(caseIn('resignation', state), 2, on('2040-01-01'))).toEqual({
        ok: false,
        guard: 'case_closed',
      });
    }
    const withdrawn = caseIn('resignation', 'withdrawn');
    const entered = withdrawn.stages.at(-1)?.enteredAt ?? '';
    expect(purgeVerdict(withdrawn, 2, on('2040-01-01'))).toMatchObject({
      ok: true,
      closedAt: entered,
    });
  });

  it('个保法 第47条: the tombstone keeps dates and the chain head, and names no one', () => {
    const caseDoc = closed({
      explanation: '家里有事',
      signature: {
        hash: sha256('png'),
        openid: 'o-employee',
        at: CLOSED_AT,
        clientIp: '10.0.0.7',
        letterHash: sha256('letter'),
        letterText: '辞职书：张三',
      },
    });
    const verdict = purgeVerdict(caseDoc, 2, on('2029-03-06'));
    if (!verdict.ok) throw new Error(verdict.guard);
    const tombstone = caseTombstone(caseDoc, verdict, 2, on('2029-03-06'), sha256);
    expect(tombstone).toMatchObject({
      caseId: 'c1',
      closedState: 'completed',
      closedAt: CLOSED_AT,
      purgeableFrom: '2029-03-06',
      chainHead: sha256('head'),
      seq: 12,
      purge: { type: 'case.purge', seq: 13, role: 'admin', prevHash: sha256('head') },
    });
    expect(tombstone.purge.hash).toMatch(/^[0-9a-f]{64}$/);
    const text = JSON.stringify(tombstone);
    for (const personal of [
      '张三',
      'E001',
      'o-employee',
      'o-hr',
      '10.0.0.7',
      '家里有事',
      '研发部',
    ]) {
      expect(text).not.toContain(personal);
    }
  });

  it('个保法 第47条: every stored file the case refers to is found for deletion', () => {
    const caseDoc = {
      attachments: [
        { fileId: 'cloud://env/cases/c1/a.pdf', evidenceFileId: 'cloud://env/e/a.pdf' },
      ],
      documents: [{ fileId: 'cloud://env/e/doc.pdf' }],
      events: [
        { payload: { fileIds: ['cloud://env/cases/c1/a.pdf', 'cloud://env/cases/c1/b.png'] } },
      ],
      note: 'not a file',
    };
    expect(storedFileIds(caseDoc).sort()).toEqual([
      'cloud://env/cases/c1/a.pdf',
      'cloud://env/cases/c1/b.png',
      'cloud://env/e/a.pdf',
      'cloud://env/e/doc.pdf',
    ]);
  });
});
