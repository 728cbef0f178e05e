import { existsSync, readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The application root: the folder holding Faultline's package.json. Found by walking up
 * from this module, because the same code runs bundled (dist/node/*.js), from TypeScript
 * sources (tests, tsx) and packaged (inside app.asar).
 */
export function appRoot(): string {
  if (process.env.FAULTLINE_APP_ROOT) return resolve(process.env.FAULTLINE_APP_ROOT);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'faultline') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    dir = dirname(dir);
  }
  throw new Error('Cannot find the Faultline application folder');
}

export function resourcesDir(): string {
  return process.env.FAULTLINE_RESOURCES ? resolve(process.env.FAULTLINE_RESOURCES) : join(appRoot(), 'resources');
}

export function rendererDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Per-user data folder for the hosts that are not Electron (web host, CLI). Electron passes
 * its own `app.getPath('userData')`. FAULTLINE_USER_DATA overrides both (tests use it).
 */
export function defaultUserDataDir(): string {
  if (process.env.FAULTLINE_USER_DATA) return resolve(process.env.FAULTLINE_USER_DATA);
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Faultline');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Faultline');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Faultline');
  }
}
