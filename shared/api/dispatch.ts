import { z } from 'zod';
import { apiContract, type ApiHandlers } from './contract';
import { ApiError, type ApiErrorData } from './errors';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

/** Splits `service.method` and finds its spec; null when the name is not in the contract. */
export function lookupMethod(name: string): { service: string; method: string; args: z.ZodType } | null {
  if (typeof name !== 'string' || name.length > 100) return null;
  const dot = name.indexOf('.');
  if (dot < 0) return null;
  const service = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (!Object.prototype.hasOwnProperty.call(apiContract, service)) return null;
  const methods = apiContract[service as keyof typeof apiContract] as Record<string, { args: z.ZodType }>;
  if (!Object.prototype.hasOwnProperty.call(methods, method)) return null;
  return { service, method, args: methods[method]!.args };
}

/**
 * Validates the arguments of a call against the contract and runs the handler. Every host
 * funnels calls through here, so no handler ever sees unvalidated input and every failure
 * leaves as one `ApiErrorData`.
 */
export async function dispatch(
  handlers: ApiHandlers,
  name: string,
  rawArgs: unknown,
  onInternalError: (err: unknown) => void = () => {},
): Promise<DispatchResult> {
  const found = lookupMethod(name);
  if (!found) return { ok: false, error: { code: 'not_found', message: `There is no operation called “${String(name).slice(0, 100)}”` } };
  const parsed = found.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(arguments)', message: i.message }));
    return { ok: false, error: { code: 'invalid', message: problems.map((p) => p.message).join('; '), problems } };
  }
  const service = (handlers as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[found.service];
  const handler = service?.[found.method];
  if (!handler) return { ok: false, error: { code: 'not_found', message: `${name} is not available in this host` } };
  try {
    return { ok: true, value: await handler.call(service, parsed.data) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toData() };
    onInternalError(err);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Faultline; the case was not changed. Details are in the log.' } };
  }
}
