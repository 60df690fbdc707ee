/** Who the preview runs as: `?as=<openid>` in the address, else the demo's admin. */
export const DEFAULT_OPENID = 'demo-admin';

export function currentOpenid(): string {
  return new URLSearchParams(location.search).get('as') || DEFAULT_OPENID;
}

/** Reloads the whole app as `openid` (a fresh launch, as a different phone would be). */
export function switchIdentity(openid: string): void {
  const url = new URL(location.href);
  url.searchParams.set('as', openid);
  url.searchParams.delete('page');
  location.href = url.toString();
}
