import { createApiClient, type Transport } from '../../shared/api/client';
import type { FaultlineApi, EventName, EventPayload } from '../../shared/api/contract';
import type { FaultlineBridge } from '../../shared/api/bridge';
import type { DispatchResult } from '../../shared/api/dispatch';
import { ApiError, isApiErrorData } from '../../shared/api/errors';

declare global {
  interface Window {
    faultline?: FaultlineBridge;
  }
}

export type EventListenerFn = (name: EventName, payload: EventPayload<EventName>) => void;

export interface HostConnection {
  api: FaultlineApi;
  onEvent(listener: EventListenerFn): () => void;
  /**
   * A path the Node side can read for a file dropped on the window: Electron knows the
   * dropped file's path; the web host receives the bytes (an upload into a private folder).
   */
  fileToPath(file: File): Promise<string>;
}

function unwrap(result: unknown): unknown {
  const r = result as DispatchResult;
  if (r && r.ok === true) return r.value;
  if (r && r.ok === false && isApiErrorData(r.error)) throw ApiError.fromData(r.error);
  throw new ApiError('internal', 'The app answered in a way this window does not understand');
}

/** Electron: the preload's `window.faultline` bridge over IPC. */
function electronConnection(bridge: FaultlineBridge): HostConnection {
  const transport: Transport = async (method, args) => unwrap(await bridge.call(method, args));
  return {
    api: createApiClient(transport),
    onEvent: (listener) => bridge.onEvent((name, payload) => listener(name as EventName, payload as EventPayload<EventName>)),
    async fileToPath(file) {
      const path = bridge.pathForFile?.(file) ?? '';
      if (!path) throw new ApiError('invalid', `“${file.name}” has no place on disk Faultline can read; save it to a folder first and import it from there.`);
      return path;
    },
  };
}

/** Web host: JSON over HTTP to the same origin, with the per-run token from the URL fragment. */
function webConnection(token: string): HostConnection {
  const transport: Transport = async (method, args) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      throw new ApiError('io', 'Faultline’s web host is not answering. Is `npm start` (or `faultline serve`) still running?');
    }
    return unwrap(await response.json().catch(() => null));
  };
  const listeners = new Set<EventListenerFn>();
  let source: EventSource | null = null;
  const names: EventName[] = ['case.changed', 'menu.command', 'import.progress', 'report.progress'];
  return {
    api: createApiClient(transport),
    async fileToPath(file) {
      let response: Response;
      try {
        response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
          body: file,
        });
      } catch {
        throw new ApiError('io', 'Faultline’s web host is not answering. Is `npm start` (or `faultline serve`) still running?');
      }
      return (unwrap(await response.json().catch(() => null)) as { path: string }).path;
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        for (const name of names) {
          source.addEventListener(name, (e) => {
            let payload: unknown;
            try {
              payload = JSON.parse((e as MessageEvent<string>).data);
            } catch {
              return;
            }
            for (const l of listeners) l(name, payload as EventPayload<EventName>);
          });
        }
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

const TOKEN_KEY = 'faultline.token';

/** Finds the host this page runs in; the rest of the UI never asks which one it is. */
export function connectToHost(): HostConnection {
  if (window.faultline) return electronConnection(window.faultline);
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem(TOKEN_KEY, fromHash);
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new ApiError('forbidden', 'This page was opened without its access token. Open the full address that Faultline printed when it started.');
  return webConnection(token);
}
