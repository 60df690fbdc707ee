import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  handleRenderRequest,
  renderAllPending,
} from '../../../server/app/documents/documents-function';
import type { DocumentRenderer } from '../../../server/app/ports/document-renderer.port';
import { cloudFileStore } from '../../../server/infra/cloud-file-store';
import { casesRepository } from '../../../server/infra/cases.repository';
import { employeesRepository } from '../../../server/infra/employees.repository';
import {
  adminOpenids,
  type CloudFunctionMain,
  type FunctionDeps,
} from '../../../server/infra/function-deps';
import { nodeCrypto } from '../../../server/infra/node-crypto';
import { pdfDocumentRenderer } from '../../../server/infra/pdf-document.renderer';
import { pendingDocumentsQuery } from '../../../server/infra/pending-documents.query';
import { anchorMarkersRepository } from '../../../server/infra/anchor-markers.repository';
import { fflateArchiveWriter } from '../../../server/infra/fflate.archive-writer';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';
import { wxacodeVerifyCodes } from '../../../server/infra/wxacode.verify-codes';

/** The build's subset of Noto Sans SC covering GBK (`npm run build`; never committed). */
export const FONT_FILE = 'noto-sans-sc-gbk.ttf';

/** The font beside the bundle (`index.js` at the function's root) or beside `src/` (the local cloud). */
export function fontPath(dir: string = __dirname): string {
  const candidates = [join(dir, 'fonts', FONT_FILE), join(dir, '..', 'fonts', FONT_FILE)];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`documents: ${FONT_FILE} is missing: run npm run build`);
  return found;
}

/** WeChat's default function timeout is 3 s; raise it in the console for big batches. */
export const DEFAULT_BUDGET_MS = 2500;

/**
 * The documents function: renders the signed letter, the receipt and the 离职证明 as PDFs
 * outside the offboarding call, so that the font and pdf-lib never weigh on its cold start.
 */
export function createMain({ cloud, clock, env }: FunctionDeps): CloudFunctionMain {
  const db = cloud.database();
  const settings = settingsRepository(db, defaultSettings(env), clock);
  let renderer: DocumentRenderer | undefined;
  const budgetMs =
    Number(env.DOCUMENTS_BUDGET_MS) > 0 ? Number(env.DOCUMENTS_BUDGET_MS) : DEFAULT_BUDGET_MS;
  const deps = {
    cases: casesRepository(db),
    employees: employeesRepository(db),
    settings,
    files: cloudFileStore(cloud),
    crypto: nodeCrypto,
    // The font is read on the first render only: a warm instance keeps it.
    renderer: {
      render: (paper) => {
        renderer ??= pdfDocumentRenderer(readFileSync(fontPath()));
        return renderer.render(paper);
      },
    } satisfies DocumentRenderer,
    verifyCodes: wxacodeVerifyCodes(
      cloud,
      env.MINIPROGRAM_STATE === 'trial'
        ? 'trial'
        : env.MINIPROGRAM_STATE === 'developer'
          ? 'develop'
          : 'release',
    ),
    pending: pendingDocumentsQuery(db),
    adminOpenids: adminOpenids(env),
    anchors: anchorMarkersRepository(db),
    archive: fflateArchiveWriter,
    logError: (error: unknown) => console.error('documents:', error),
  };
  return async (event) => {
    const { OPENID, SOURCE } = cloud.getWXContext();
    try {
      if (SOURCE === 'wx_trigger') {
        const data = await renderAllPending(deps, clock.now(), {
          ms: budgetMs,
          monotonic: () => performance.now(),
        });
        return { ok: true, data };
      }
      return await handleRenderRequest(deps, event, OPENID, clock.now());
    } catch (error) {
      deps.logError(error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: '文书生成失败，系统将稍后自动重试' },
      };
    }
  };
}
