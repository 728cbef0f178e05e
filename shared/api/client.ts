import { apiContract, type FaultlineApi } from './contract';

/** Carries one call to the Node side and resolves with its result or rejects with an ApiError. */
export type Transport = (method: string, args: unknown) => Promise<unknown>;

/**
 * Builds the typed API object over a transport (IPC or HTTP): `api.case.open({path})` becomes
 * `transport('case.open', {path})`. The UI never knows which host it talks to.
 */
export function createApiClient(transport: Transport): FaultlineApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const [service, methods] of Object.entries(apiContract)) {
    const proxy: Record<string, (args: unknown) => Promise<unknown>> = {};
    for (const method of Object.keys(methods)) {
      const name = `${service}.${method}`;
      proxy[method] = (args: unknown) => transport(name, args ?? {});
    }
    api[service] = proxy;
  }
  return api as unknown as FaultlineApi;
}
