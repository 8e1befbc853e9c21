// The one dispatcher: validates input against the contract, calls the handler, validates nothing
// on the way out (handlers are typed), and turns every failure into { ok: false, error }.
import type { z } from 'zod';
import { contract, isMethodName } from './contract';
import type { CallResult, HandlerInput, MethodName, MethodOutput } from './contract';
import { AppError, errorMessages, isAppError } from './errors';
import { MAX_CONTENT_JSON_CHARS } from './documentModel';

/** A handler for every method of the given scope. */
export type Handlers<M extends MethodName = MethodName> = {
  [K in M]: (input: HandlerInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

/** Largest raw input a call may carry, in characters of JSON. */
export const MAX_INPUT_CHARS = MAX_CONTENT_JSON_CHARS + 10_000;

/** Turns a zod error into one Chinese line naming the fields at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');
}

/** Options of a dispatcher: the handlers, and a hook to log unexpected errors. */
export interface DispatcherOptions {
  handlers: Partial<Handlers>;
  onInternalError?: (method: string, error: unknown) => void;
}

/** Calls a contract method by name: the single entry point of every transport. */
export type Dispatch = (method: string, input: unknown) => Promise<CallResult>;

/** Builds the dispatcher over a set of handlers. */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  return async (method, rawInput) => {
    try {
      if (!isMethodName(method)) throw new AppError('NOT_FOUND', `没有名为“${method}”的功能。`);
      const handler = options.handlers[method] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new AppError('UNSUPPORTED', errorMessages.UNSUPPORTED);
      const parsed = contract[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const tooBig = parsed.error.issues.some((i) => i.code === 'too_big');
        throw new AppError(tooBig ? 'TOO_LARGE' : 'INVALID_INPUT', describeIssues(parsed.error));
      }
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      options.onInternalError?.(method, error);
      return { ok: false, error: { code: 'INTERNAL', message: errorMessages.INTERNAL } };
    }
  };
}

/** Unwraps a call result: the value, or throws the AppError it carries. */
export function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message);
}
