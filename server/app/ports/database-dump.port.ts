/** A stored document as the database holds it, `_id` included. */
export type DumpedDocument = Readonly<Record<string, unknown>> & { readonly _id: string };

/**
 * Whole collections read and written as they are stored, for the export and the restore
 * (README "数据导出与恢复"): through the database API, never the storage's own format.
 */
export interface DatabaseDump {
  /** Documents in `_id` order after `afterId` (from the start when null), at most `limit`. */
  page(collection: string, afterId: string | null, limit: number): Promise<DumpedDocument[]>;
  /** True when the collection holds no document (or does not exist yet). */
  isEmpty(collection: string): Promise<boolean>;
  /** Adds the document under its own `_id`, exactly as given. */
  insert(collection: string, doc: DumpedDocument): Promise<void>;
}
