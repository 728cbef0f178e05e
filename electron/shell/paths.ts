import { isAbsolute, join, resolve } from 'node:path';
import { app } from 'electron';
import { CASE_EXTENSION } from '../../shared/domain/case';

/**
 * Where the built app's parts are, from `app.getAppPath()`: the folder holding package.json in
 * development, `…/resources/app.asar` when packaged. The build lays out dist/ and resources/
 * the same way in both.
 */
export interface AppPaths {
  appRoot: string;
  rendererDir: string;
  resourcesDir: string;
  preload: string;
  /** The PNG window icon (Linux; Windows and macOS take theirs from the executable). */
  icon: string;
}

export function appPaths(): AppPaths {
  const appRoot = app.getAppPath();
  return {
    appRoot,
    rendererDir: join(appRoot, 'dist', 'renderer'),
    resourcesDir: join(appRoot, 'resources'),
    preload: join(appRoot, 'dist', 'node', 'preload.cjs'),
    icon: join(appRoot, 'resources', 'icons', 'icon.png'),
  };
}

/**
 * The first case file named on a command line (`faultline my-case.gpkg`, a file manager's
 * "Open with", a second instance), resolved against the directory it was started in.
 * Switches and Electron's own arguments are skipped.
 */
export function caseFileArgument(argv: readonly string[], workingDirectory: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(CASE_EXTENSION)) continue;
    return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return null;
}
