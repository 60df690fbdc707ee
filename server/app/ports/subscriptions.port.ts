/** The server's estimate of subscription credits per template, from what clients report. */
export interface SubscriptionsRepository {
  get(openid: string): Promise<Readonly<Record<string, number>>>;
  add(
    openid: string,
    accepted: readonly string[],
    at: string,
  ): Promise<Readonly<Record<string, number>>>;
}
