/**
 * Helpers over the cloud database shared by the repositories: stored documents carry `_id`,
 * the domain's records do not.
 */
export function withoutId<T>(doc: WxServerSdk.Doc): T {
  const { _id: _ignored, ...rest } = doc;
  return rest as T;
}

/** A document by id, or null: `doc(id).get()` rejects when it does not exist. */
export async function findById<T>(
  collection: WxServerSdk.CollectionReference,
  id: string,
): Promise<T | null> {
  const { data } = await collection.where({ _id: id }).limit(1).get();
  const first = data[0];
  return first ? withoutId<T>(first) : null;
}

/**
 * An update's data from a patch: `undefined` removes the field and objects replace the whole
 * field (a plain object in `update` would merge field by field on WeChat).
 */
export function replacingPatch(
  command: WxServerSdk.Command,
  patch: Readonly<Record<string, unknown>>,
): WxServerSdk.Doc {
  const data: WxServerSdk.Doc = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) data[key] = command.remove();
    else if (typeof value === 'object' && value !== null) data[key] = command.set(value);
    else data[key] = value;
  }
  return data;
}

/**
 * The platform's answer to an `add` whose `_id` exists. The SDK has no number of its own for it
 * (errCode -501001, "resource system error"): only the message names it, as
 * `DATABASE_DUPLICATE_WRITE` or MongoDB's `E11000 duplicate key`.
 */
export function isDuplicateKey(error: unknown): boolean {
  const message =
    typeof error === 'object' && error !== null
      ? String((error as { errMsg?: unknown }).errMsg ?? (error as Error).message)
      : '';
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(message);
}

/**
 * Adds a document under its own `_id`: true when this call created it, false when it existed.
 * An error in neither known wording is settled by reading the document back: present means
 * taken (never claimed twice), absent means the add really failed.
 */
export async function addIfAbsent(
  collection: WxServerSdk.CollectionReference,
  id: string,
  data: WxServerSdk.Doc,
): Promise<boolean> {
  try {
    await collection.add({ data: { ...data, _id: id } });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    if (await findById(collection, id)) return false;
    throw error;
  }
}

/** A document read inside a transaction, or null when it does not exist. */
export async function readInTransaction<T>(
  doc: WxServerSdk.TransactionDocument,
): Promise<T | null> {
  try {
    const { data } = await doc.get();
    return data ? withoutId<T>(data) : null;
  } catch (error) {
    // The SDK rejects `doc(id).get()` of a missing document; anything else is a real failure.
    if (/not exist|cannot find|DOCUMENT_NOT_FOUND|-502002/i.test(errorText(error))) return null;
    throw error;
  }
}

function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { errMsg?: unknown; message?: unknown; errCode?: unknown };
  return `${String(e.errMsg ?? '')} ${String(e.message ?? '')} ${String(e.errCode ?? '')}`;
}

/** Another transaction committed first: the platform refuses this one. */
export function isTransactionConflict(error: unknown): boolean {
  return /TRANSACTION_CONFLICT|WriteConflict/i.test(errorText(error));
}
