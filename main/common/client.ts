// A typed client over any transport: call('documents.get', { id }) returns the method's output
// or throws the AppError the call answered with.
import type { CallResult, MethodInput, MethodName, MethodOutput } from './contract';
import { unwrap } from './dispatcher';

/** Sends one call and gets its raw result (IPC, HTTP or a direct dispatcher). */
export type Transport = (method: string, input: unknown) => Promise<CallResult>;

/** A typed client of the contract. */
export interface Client {
  /** Calls a method; resolves to its output or rejects with an AppError. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Builds a typed client over a transport. */
export function createClient(transport: Transport): Client {
  return {
    async call(method, input) {
      return unwrap(await transport(method, input)) as never;
    },
  };
}
