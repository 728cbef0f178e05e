import type { HostConnection } from '../api/hostClient';
import { el } from '../ui/dom';
import { errorMessage, toast } from '../ui/toast';

/**
 * Dropping a file on the window imports it: a .gpkg as a case file (or, when it is not a
 * Faultline case, as data), anything else as data. Electron gives the dropped file's path; in
 * the web host the file is uploaded first (see HostConnection.fileToPath).
 */
export function enableFileDrop(host: HostConnection, handlers: { caseFile(path: string): void; data(path: string): void }): void {
  const overlay = el('div', { class: 'fl-drop-overlay', hidden: true }, el('div', { text: 'Drop to import into this case' }));
  document.body.append(overlay);
  let depth = 0;
  const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer && [...e.dataTransfer.types].includes('Files'));
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allows the drop; without it the browser would open the file
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length !== 1) {
      toast(files.length ? 'Drop one file at a time.' : 'Only files can be imported.', { kind: 'error' });
      return;
    }
    const file = files[0]!;
    const dismiss = toast(`Reading “${file.name}”…`, { timeoutMs: 0 });
    host
      .fileToPath(file)
      .then((path) => {
        dismiss();
        if (file.name.toLowerCase().endsWith('.gpkg')) handlers.caseFile(path);
        else handlers.data(path);
      })
      .catch((err) => {
        dismiss();
        toast(errorMessage(err), { kind: 'error' });
      });
  });
}
