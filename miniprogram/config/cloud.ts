/**
 * The one place naming the cloud environment and the RPC function.
 * `CLOUD_ENV` undefined means the account's default environment; set the id from the
 * cloud console to pin the mini program to one environment.
 */
export const CLOUD_ENV: string | undefined = undefined;

/** The single cloud function serving every client action (DESIGN §4). */
export const RPC_FUNCTION = 'offboarding';

/** Renders a case's PDFs apart from the RPC function (its own time budget). */
export const DOCUMENTS_FUNCTION = 'documents';
