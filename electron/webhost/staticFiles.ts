import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { mimeTypeFor } from '../http/contentPolicy';


/**
 * Resolves `relative` inside `root`, or null when it would escape it (`..`, absolute paths,
 * encoded separators) or names something that is not a regular file.
 */
export function safeResolve(root: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, '.' + sep + decoded);
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    return statSync(target).isFile() ? target : null;
  } catch {
    return null;
  }
}

export function sendFile(res: ServerResponse, path: string, headers: Record<string, string>): void {
  const type = mimeTypeFor(path);
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(statSync(path).size) });
  createReadStream(path).pipe(res);
}
