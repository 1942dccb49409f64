/** The one error type services throw; actions turn it into a Chinese message. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'VALIDATION',
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '登录已失效,请重新登录。',
  FORBIDDEN: '您没有权限进行此操作。',
  NOT_FOUND: '没有找到这篇稿件,可能已被删除或您无权查看。',
  CONFLICT: '稿件已被他人修改,请先查看对方的改动。',
  INVALID_TRANSITION: '稿件状态已变化,此操作不再可用,请刷新页面。',
  VALIDATION: '填写的内容有误,请检查后再试。',
  RATE_LIMITED: '操作太频繁,请稍后再试。',
};

export const ERROR_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Extra data for the caller, e.g. the current version on CONFLICT. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
  }
}

/** What a server action returns to the form that called it. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode | 'SERVER';
      message: string;
      fieldErrors?: Record<string, string>;
      details?: Record<string, unknown>;
    };

