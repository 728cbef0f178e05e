import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

/** Logs a message and, optionally, the error behind it (never shown to the user as a stack). */
export type Logger = (message: string, err?: unknown) => void;

/**
 * A logger that writes to stderr and appends to `<logsDir>/main.log`, the file the UI's
 * "details are in the log" refers to. Logging must never break the app, so a failing write
 * is dropped.
 */
export function createLogger(logsDir: string): Logger {
  const file = join(logsDir, 'main.log');
  let writable = true;
  try {
    mkdirSync(logsDir, { recursive: true });
  } catch {
    writable = false;
  }
  return (message, err) => {
    const line = `${new Date().toISOString()} ${message}${err === undefined ? '' : ` ${inspect(err, { depth: 4 })}`}`;
    console.error(line);
    if (!writable) return;
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      writable = false;
    }
  };
}
