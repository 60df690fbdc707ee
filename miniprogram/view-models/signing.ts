import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';
import { openSignItem, type CaseView } from './case-summary';

export type SignStage = 'ready' | 'signed' | 'nothing';

export interface SignView {
  stage: SignStage;
  title: string;
  text: string;
  letterHash: string;
  signedAt: string;
  signatureHash: string;
}

/** What the sign page shows for a case: the letter to sign, a past signature, or nothing. */
export function signView(view: CaseView): SignView {
  const letter = view.letter;
  const signature = view.case.signature;
  const base = {
    title: letter?.title ?? '',
    text: letter?.text ?? '',
    letterHash: letter?.hash ?? '',
    signedAt: '',
    signatureHash: '',
  };
  if (signature) {
    return {
      ...base,
      stage: 'signed',
      letterHash: signature.letterHash,
      signedAt: formatInstant(signature.at),
      signatureHash: signature.hash,
    };
  }
  if (!letter || !openSignItem(view)) return { ...base, stage: 'nothing' };
  return { ...base, stage: 'ready' };
}

export interface SignReceipt {
  letterHash: string;
  signatureHash: string;
  chainHead: string;
}

export function signReceipt(result: ActionResult<'case.sign'>): SignReceipt {
  return {
    letterHash: result.letterHash,
    signatureHash: result.signatureHash,
    chainHead: result.chainHead,
  };
}

/** Why 确认签署 is not yet tappable, said under it ('' when it is). */
export function signHeldBack(consent: boolean, padEmpty: boolean): string {
  if (padEmpty && !consent) return '请先在签名区内签名，并勾选同意以电子签名方式签署';
  if (padEmpty) return '请先在签名区内签名';
  if (!consent) return '请先勾选同意以电子签名方式签署';
  return '';
}
