/** Every error code a contract call can answer with; the renderer maps each to a Chinese message. */
export const errorCodes = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'CONFLICT',
  'IO',
  'UNSUPPORTED',
  'TOO_LARGE',
  'CANCELLED',
  'DB_CORRUPT',
  'INTERNAL',
] as const;

/** One of the contract's error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** An error that crosses the contract: a code from the union and a Chinese message for the user. */
export class AppError extends Error {
  /** Machine-readable error code. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

/** True when a value is an AppError (also across realms, by shape). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AppError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** Default Chinese message for each code, used when a call fails without a more specific one. */
export const errorMessages: Record<ErrorCode, string> = {
  NOT_FOUND: '找不到该文稿，它可能已被永久删除。',
  INVALID_INPUT: '输入的内容不符合要求，请检查后重试。',
  CONFLICT: '文稿已在别处被修改。您的内容仍保留在编辑器中，请选择保留哪一份。',
  IO: '读写文件失败，请检查磁盘空间和文件夹权限后重试。',
  UNSUPPORTED: '当前环境不支持此操作。',
  TOO_LARGE: '内容过大，无法处理。请拆分后再试。',
  CANCELLED: '操作已取消。',
  DB_CORRUPT: '文稿数据库已损坏。可以从备份恢复，或新建一个空数据库（原文件会保留）。',
  INTERNAL: '程序出现意外错误，您的内容未丢失。请重试，若仍失败请重启文稿。',
};
