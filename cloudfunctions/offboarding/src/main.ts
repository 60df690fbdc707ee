import type { CloudFunctionMain, FunctionDeps } from '../../../server/infra/function-deps';

export function createMain(_deps: FunctionDeps): CloudFunctionMain {
  return async () => ({ ok: false, error: { code: 'INTERNAL', message: '尚未实现' } });
}
