/**
 * A document laid out for paper: what the PDF says, in order. The use case decides every word;
 * the renderer only sets it in type (pdf-lib, a CJK font subset to the characters used).
 */
export interface PaperDocument {
  readonly title: string;
  /** The letter's stored text, line by line as it was signed (or the certificate's text). */
  readonly body: string;
  /** Printed large at the top of page 1, in a box of its own: the employee's name. */
  readonly nameLine: string;
  /** Below the body: the handwritten signature as the employee drew it (PNG). */
  readonly signature?: { readonly caption: string; readonly png: Uint8Array };
  /** The company's seal image (PNG), on a certificate. */
  readonly seal?: { readonly caption: string; readonly png: Uint8Array };
  /** Small print at the foot of page 1. */
  readonly footer: readonly string[];
  /** The audit-trail page; absent on a certificate, whose verify code stands alone. */
  readonly auditTrail?: AuditTrailPage;
  /** The verify code and the QR image that opens the verify page. */
  readonly verify: { readonly code: string; readonly hint: string; readonly qr?: VerifyImage };
}

export interface AuditTrailPage {
  readonly heading: string;
  /** Label → value lines above the events (hashes, the chain head). */
  readonly facts: readonly (readonly [label: string, value: string])[];
  readonly events: readonly AuditTrailRow[];
}

export interface AuditTrailRow {
  readonly seq: number;
  /** Beijing time, `2027-03-01 10:00:00`. */
  readonly at: string;
  readonly what: string;
  /** The actor's name and role. */
  readonly who: string;
  readonly clientIp?: string;
  readonly hash: string;
}

export interface VerifyImage {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface DocumentRenderer {
  render(document: PaperDocument): Promise<Uint8Array>;
}
