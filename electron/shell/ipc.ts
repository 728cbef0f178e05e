import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL } from '../../shared/api/bridge';
import { dispatch, type DispatchResult } from '../../shared/api/dispatch';
import type { ApiHandlers } from '../../shared/api/contract';
import { isAppUrl } from './appUrl';
import type { Logger } from './log';

const FORBIDDEN: DispatchResult = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Faultline window.' },
};
const INTERNAL: DispatchResult = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong inside Faultline; the case was not changed. Details are in the log.' },
};

/**
 * Whether an IPC call comes from our window's top frame showing our own page: not from
 * another web contents, not from a subframe, not from a page that navigated elsewhere.
 * (VS Code checks every IPC sender the same way.)
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed() || frame.parent !== null) return false;
  if (frame.processId !== contents.mainFrame.processId || frame.routingId !== contents.mainFrame.routingId) return false;
  return isAppUrl(frame.url) && frame.url.startsWith('app://faultline/');
}

/**
 * The one IPC entry point: `IPC_CALL` with a method name and its arguments. The sender is
 * checked, then `dispatch` validates the arguments against the contract and runs the handler.
 * Nothing is thrown across IPC: every outcome is a `DispatchResult`.
 */
export function registerApiIpc(options: { handlers: ApiHandlers; mainWindow: () => BrowserWindow | null; log: Logger }): void {
  const { handlers, mainWindow, log } = options;
  ipcMain.handle(IPC_CALL, async (event, method: unknown, args: unknown): Promise<DispatchResult> => {
    try {
      if (!isTrustedSender(event, mainWindow())) {
        log(`Refused an API call from ${event.senderFrame?.url.slice(0, 200) ?? 'a gone frame'}`);
        return FORBIDDEN;
      }
      const name = typeof method === 'string' ? method : '';
      return await dispatch(handlers, name, args, (err) => log(`${name.slice(0, 100)} failed`, err));
    } catch (err) {
      log('The API call failed outside its handler', err);
      return INTERNAL;
    }
  });
}
