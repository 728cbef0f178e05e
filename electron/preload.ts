/**
 * The sandboxed preload (bundled to dist/node/preload.cjs). It exposes exactly one object,
 * `window.faultline`, with one call function and one event subscription; never ipcRenderer
 * itself, so the page can reach no channel but these two. It imports only `electron` and
 * types: a sandboxed preload cannot load files, and types keep the channel names in step.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { FaultlineBridge, IPC_CALL, IPC_EVENT } from '../shared/api/bridge';
import type { DispatchResult } from '../shared/api/dispatch';

// Typed as the shared constants' literal types: a renamed channel fails to compile here.
const CALL_CHANNEL: typeof IPC_CALL = 'faultline:call';
const EVENT_CHANNEL: typeof IPC_EVENT = 'faultline:event';

const bridge: FaultlineBridge = {
  call(method: string, args: unknown): Promise<DispatchResult> {
    return ipcRenderer.invoke(CALL_CHANNEL, String(method), args) as Promise<DispatchResult>;
  },

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function');
    // The page never sees the IPC event object (it carries `sender`, an ipcRenderer handle).
    const wrapper = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapper);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapper);
    };
  },

  pathForFile(file: unknown): string {
    // Only a real File from a drop can be asked; anything else has no path.
    if (typeof File === 'undefined' || !(file instanceof File)) return '';
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('faultline', bridge);
