import type { ActionResult, Role } from '../../server/contract';
import { call, setUnauthenticatedListener, type Reply } from './rpc';
import { ROUTES } from './navigation';

export type Session = ActionResult<'me.get'>;

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let inflight: Promise<Reply<'me.get'>> | null = null;

function app(): IAppOption {
  return getApp<IAppOption>();
}

function store(session: Session | null): void {
  app().globalData.session = session;
  for (const listener of listeners) listener(session);
}

/** The session kept on the app, or null before the first `me.get` answered. */
export function currentSession(): Session | null {
  return app().globalData.session ?? null;
}

export function rolesOf(session: Session | null): readonly Role[] {
  return session?.roles ?? [];
}

/**
 * `me.get`, cached on the app. `refresh` asks the server again (after binding, submitting,
 * signing); concurrent callers share one request.
 */
export function loadSession(options: { refresh?: boolean } = {}): Promise<Reply<'me.get'>> {
  const cached = currentSession();
  if (cached && !options.refresh) return Promise.resolve({ ok: true, data: cached });
  if (!inflight) {
    inflight = call('me.get', {}).then((reply) => {
      inflight = null;
      if (reply.ok) store(reply.data);
      else if (reply.error.code === 'UNAUTHENTICATED') store(null);
      return reply;
    });
  }
  return inflight;
}

/** Lets the tab bar and pages follow the session; returns the unsubscribe function. */
export function watchSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** An UNAUTHENTICATED answer anywhere: forget the session and show binding on the home tab. */
function toBinding(): void {
  store(null);
  const pages = getCurrentPages();
  const current = pages[pages.length - 1];
  // At launch no page exists yet and the home tab opens first anyway.
  if (current && current.route !== ROUTES.home.slice(1)) wx.switchTab({ url: ROUTES.home });
}

setUnauthenticatedListener(toBinding);
