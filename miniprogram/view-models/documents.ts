import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';

type Documents = ActionResult<'case.documents'>;
type Kind = Documents['documents'][number]['kind'];

export const DOCUMENT_TITLES: Record<Kind, string> = {
  signed_letter: '已签署的《辞职书》',
  termination_receipt: '《解除劳动合同通知书》签收件',
  certificate: '离职证明',
  non_compete_notice: '《竞业限制决定告知书》',
};

export interface DocumentRow {
  kind: Kind;
  title: string;
  url: string;
  at: string;
  /** Enough of the SHA-256 to compare with the printed one. */
  shortHash: string;
}

export interface DocumentsView {
  rows: DocumentRow[];
  /** 「正在生成…」 lines for documents not yet rendered. */
  pending: string[];
  /** The employee's choice, in words. */
  reasonChoice: string;
  statesReason: boolean | null;
}

/** The case page's 文书 section: PDFs to open (and forward), and what is still being made. */
export function documentsView(d: Documents): DocumentsView {
  return {
    rows: d.documents.map((doc) => ({
      kind: doc.kind,
      title: DOCUMENT_TITLES[doc.kind],
      url: doc.url,
      at: formatInstant(doc.createdAt),
      shortHash: doc.sha256.slice(0, 12),
    })),
    pending: d.pending.map((kind) => `${DOCUMENT_TITLES[kind]}正在生成，稍后刷新即可查看`),
    statesReason: d.certificateStatesReason,
    reasonChoice:
      d.certificateStatesReason === true
        ? '离职证明将写明离职原因'
        : d.certificateStatesReason === false
          ? '离职证明不写明离职原因'
          : '尚未选择：默认不写明离职原因',
  };
}
