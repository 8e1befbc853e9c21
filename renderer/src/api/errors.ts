// The one table of Chinese messages the renderer shows for failed calls, keyed by error code,
// plus the transport-level messages (no connection, bad token) that have no code of their own.
import { AppError, errorMessages, isAppError } from '@common/errors';
import type { ErrorCode } from '@common/errors';
import { hanPattern } from '@common/text';

/** Chinese message shown for each error code (core's defaults, worded for this window). */
export const errorText: Record<ErrorCode, string> = {
  ...errorMessages,
  NOT_FOUND: '找不到该文稿，它可能已被移到回收站或永久删除。',
  CONFLICT: '这篇文稿已在别处被修改。您的内容仍保留在编辑器中，请选择保留哪一份。',
  UNSUPPORTED: '当前环境不支持此操作。',
};

/** Transport messages: they travel as ordinary AppErrors with one of the codes above. */
export const transportText = {
  /** The HTTP server answered 401/403: the page was opened without (or with an old) token. */
  badToken: '访问令牌无效，请从 npm run serve 输出的地址重新打开',
  /** fetch itself failed: the server is gone. */
  unreachable: '连接不到文稿服务。请确认 npm run serve 仍在运行，然后重试。',
  /** The answer was not a CallResult. */
  badAnswer: '文稿服务返回了无法识别的结果，请重试。',
  /** Neither window.bridge nor a token is available. */
  noTransport: '没有找到访问令牌。请从 npm run serve 输出的完整地址（含 #token=…）打开本页。',
} as const;

/** The code of a failure, INTERNAL for anything that is not an AppError. */
export function errorCodeOf(error: unknown): ErrorCode {
  return isAppError(error) ? error.code : 'INTERNAL';
}

/**
 * The Chinese sentence to show for a failure: the error's own message when it is written in
 * Chinese (core's messages are specific, e.g. which field was wrong), else the table's entry.
 */
export function errorMessage(error: unknown): string {
  if (isAppError(error)) {
    return error.message && hanPattern.test(error.message) ? error.message : errorText[error.code];
  }
  return errorText.INTERNAL;
}

/** The Chinese sentence for a failure known by code and message (e.g. a save failure). */
export function failureMessage(failure: { code: ErrorCode; message: string }): string {
  return failure.message && hanPattern.test(failure.message) ? failure.message : errorText[failure.code];
}

/** Wraps anything thrown into an AppError (non-AppErrors become INTERNAL). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isAppError(error)) {
    const { code, message } = error as { code: AppError['code']; message: string };
    return new AppError(code, message);
  }
  return new AppError('INTERNAL', errorText.INTERNAL);
}
