import { existsSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';

export const NO_CHROMIUM = 'No Chromium found: install chromium or set FAULTLINE_CHROMIUM';

/** Where Chromium or Chrome usually is, per platform; FAULTLINE_CHROMIUM wins over all. */
const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env.LOCALAPPDATA ?? ''}\\Chromium\\Application\\chrome.exe`,
  ],
};

/** The Chromium to print reports with, or an ApiError saying how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const chosen = env.FAULTLINE_CHROMIUM;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new ApiError('io', `${NO_CHROMIUM} (FAULTLINE_CHROMIUM points at ${chosen}, which does not exist)`);
  }
  const found = (CANDIDATES[platform] ?? []).find((path) => path && existsSync(path));
  if (!found) throw new ApiError('io', NO_CHROMIUM);
  return found;
}

/** Switches that keep a headless Chromium from reaching any network (DESIGN §9). */
export const OFFLINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--no-proxy-server',
  // Nothing resolves: a request that got past the routing below could not reach a server.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];
