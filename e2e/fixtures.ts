import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, _electron, type Browser, type Page, type ElectronApplication } from '@playwright/test';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

/** The Electron binary, when installed and a display is available; else the web host is used. */
function electronBinary(): string | null {
  if (process.env.FAULTLINE_E2E_HOST === 'web') return null;
  if (process.platform === 'linux' && !process.env.DISPLAY) return null;
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export interface AppHandle {
  page: Page;
  kind: 'electron' | 'web';
  /** Per-test user data folder (settings, recent cases, the demo case). */
  userData: string;
  /** A scratch folder for case files the test creates. */
  workDir: string;
  /** Requests that left the app's own origin: must stay empty (zero network requests). */
  foreignRequests: string[];
  /** Closes the app and starts it again on the same user data (the "reopen" of a user). */
  restart(): Promise<void>;
  /** Saves a screenshot under e2e/artifacts for a person to look at. */
  snapshot(name: string): Promise<string>;
}

interface Running {
  page: Page;
  stop(): Promise<void>;
}

async function startWeb(browser: Browser, userData: string, foreign: string[]): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'faultline.js'), 'serve', '--json'], {
    cwd: ROOT,
    env: { ...process.env, FAULTLINE_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(origin + '/') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  await page.goto(url);
  return {
    page,
    async stop() {
      await context.close();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

async function startElectron(binary: string, userData: string, foreign: string[]): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: binary,
    args: [ROOT],
    // In-app file choosers instead of native dialogs, which Playwright cannot drive.
    env: { ...process.env, FAULTLINE_USER_DATA: userData, FAULTLINE_NATIVE_DIALOGS: '0' },
  });
  const page = await app.firstWindow();
  page.on('request', (r) => {
    if (!r.url().startsWith('app://') && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && !r.url().startsWith('devtools:')) foreign.push(r.url());
  });
  return { page, stop: () => app.close() };
}

export const test = base.extend<{ app: AppHandle; host: 'auto' | 'web' }>({
  /**
   * Which host the app runs in: 'auto' (the Electron app when its binary is there, else the
   * web host), or 'web' for what only the web host has (its in-page menu), which then runs
   * wherever the tests run: `test.use({ host: 'web' })`.
   */
  host: ['auto', { option: true }],
  app: async ({ browser, host }, use, testInfo) => {
    const userData = mkdtempSync(join(tmpdir(), 'faultline-e2e-user-'));
    const workDir = mkdtempSync(join(tmpdir(), 'faultline-e2e-work-'));
    const foreignRequests: string[] = [];
    const binary = host === 'web' ? null : electronBinary();
    const start = () => (binary ? startElectron(binary, userData, foreignRequests) : startWeb(browser, userData, foreignRequests));
    let running = await start();
    const ready = async () => {
      await expect(running.page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    };
    await ready();
    mkdirSync(ARTIFACTS, { recursive: true });
    const handle: AppHandle = {
      get page() {
        return running.page;
      },
      kind: binary ? 'electron' : 'web',
      userData,
      workDir,
      foreignRequests,
      async restart() {
        await running.stop();
        running = await start();
        await ready();
      },
      async snapshot(name: string) {
        const path = join(ARTIFACTS, `${name}.png`);
        await running.page.screenshot({ path });
        await testInfo.attach(name, { path, contentType: 'image/png' });
        return path;
      },
    };
    await use(handle);
    await running.stop();
    rmSync(userData, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
    expect(foreignRequests, 'the app must make no request outside its own origin').toEqual([]);
  },
});

export { expect };
