/**
 * The web preview on the local cloud's port (DESIGN §6): `/` is the phone and the side panel,
 * `/preview/*` its runtime, the compiled mini program, the demo's identities and "reset demo".
 * Plugged into the HTTP server as its fallback, so every API route answers as before.
 */
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import { join } from 'node:path';
import type { FallbackHandler } from '../local-cloud/http-server';
import type { LocalCloud } from '../local-cloud';
import { buildFilesScript, buildIconCss, buildRuntime } from './assets';

export interface PreviewOptions {
  cloud: LocalCloud;
  /** `.build/miniprogram/`, already built. */
  mirrorDir: string;
  adminOpenid: string;
  /** Empties the local cloud and seeds the demo company again. */
  resetDemo: () => Promise<void>;
}

export interface Identity {
  openid: string;
  name: string;
  role: string;
  detail: string;
}

const ROLE_NAMES: Record<string, string> = {
  hr: 'HR',
  manager: '主管',
  employee: '员工',
  admin: '管理员',
};

/** The admin, then every bound employee (HR, managers, employees) from the database. */
export async function identities(cloud: LocalCloud, adminOpenid: string): Promise<Identity[]> {
  const db = cloud.cloud.database();
  const { data } = await db
    .collection('employees')
    .where({ openid: db.command.exists(true) })
    .orderBy('_id', 'asc')
    .limit(100)
    .get();
  const rank = (roles: string[]) => (roles.includes('hr') ? 0 : roles.includes('manager') ? 1 : 2);
  const people = data
    .map((p) => {
      const roles = (p.roles as string[] | undefined) ?? ['employee'];
      const main = roles.find((r) => r !== 'employee') ?? 'employee';
      return {
        openid: String(p.openid),
        name: String(p.name),
        role: ROLE_NAMES[main] ?? main,
        detail: `${String(p._id)} · ${String(p.department)}`,
        rank: rank(roles),
      };
    })
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...person }) => person);
  return [
    { openid: adminOpenid, name: '管理员', role: '管理员', detail: 'ADMIN_OPENIDS' },
    ...people,
  ];
}

function send(res: http.ServerResponse, type: string, body: string | Buffer): true {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

/** The fallback handler; `warm()` builds the runtime and the file map ahead of the first visit. */
export type PreviewHandler = FallbackHandler & { warm: () => Promise<unknown> };

export function previewHandler(options: PreviewOptions): PreviewHandler {
  const client = join(__dirname, 'client');
  // Built once, on first request: the mirror does not change while `npm start` runs.
  let built: Promise<{ runtime: string; files: string; icons: string }> | null = null;
  const warm = () => {
    built ??= Promise.all([
      buildRuntime(),
      buildFilesScript(options.mirrorDir),
      buildIconCss(options.mirrorDir),
    ]).then(([runtime, files, icons]) => ({ runtime, files, icons }));
    return built;
  };
  const handle: FallbackHandler = async (req, res, path) => {
    const method = req.method ?? 'GET';
    if (method === 'GET' && (path === '/' || path === '/index.html')) {
      return send(res, 'text/html; charset=utf-8', await readFile(join(client, 'index.html')));
    }
    if (method === 'GET' && path === '/preview/preview.css') {
      return send(res, 'text/css; charset=utf-8', await readFile(join(client, 'preview.css')));
    }
    if (method === 'GET' && path === '/preview/icons.css') {
      return send(res, 'text/css; charset=utf-8', (await warm()).icons);
    }
    if (method === 'GET' && path === '/preview/runtime.js') {
      return send(res, 'text/javascript; charset=utf-8', (await warm()).runtime);
    }
    if (method === 'GET' && path === '/preview/files.js') {
      return send(res, 'text/javascript; charset=utf-8', (await warm()).files);
    }
    if (method === 'GET' && path === '/preview/identities') {
      const list = await identities(options.cloud, options.adminOpenid);
      return send(res, 'application/json', JSON.stringify(list));
    }
    if (method === 'POST' && path === '/preview/reset') {
      await options.resetDemo();
      return send(res, 'application/json', JSON.stringify({ ok: true }));
    }
    if (method === 'GET' && path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    return false;
  };
  return Object.assign(handle, { warm });
}
