/** Where time enters the server: the system clock on WeChat, the local cloud's clock in development. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
