import { GUARD_MESSAGES } from '../domain/case-guards';
import { type DomainError } from '../domain/domain-error';
import { STATE_LABELS } from '../domain/case-states';
import { type RpcError } from './errors';
import { describeField } from './field-labels';

/** The RPC error for a refusal of the domain, with a Chinese message for people. */
export function rpcErrorOf(error: DomainError): RpcError {
  switch (error.code) {
    case 'INVALID_TRANSITION':
      return {
        code: 'INVALID_TRANSITION',
        message: `案件当前处于「${STATE_LABELS[error.state]}」，不能进行此操作`,
        details: { state: error.state, event: error.event },
      };
    case 'PRECONDITION_FAILED':
      return {
        code: 'PRECONDITION_FAILED',
        message: GUARD_MESSAGES[error.guard],
        details: { guard: error.guard },
      };
    case 'FORBIDDEN':
      return { code: 'FORBIDDEN', message: '没有权限进行此操作' };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', message: '未找到相关记录', details: { what: error.what } };
    case 'VALIDATION_FAILED': {
      const message = `${describeField([error.field])}：不能晚于 ${error.latest}`;
      return {
        code: 'VALIDATION_FAILED',
        message,
        details: { field: error.field, issues: [{ field: error.field, message }] },
      };
    }
  }
}
