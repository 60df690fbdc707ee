/** The cases with a document still to render: the documents timer's query (`documentsPending`). */
export interface PendingDocumentsQuery {
  /** Case ids, oldest change first, at most `limit`. */
  pendingCaseIds(limit: number): Promise<string[]>;
}
