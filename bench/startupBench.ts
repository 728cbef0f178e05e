import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createCase } from '../electron/store/caseStore';
import { generateIncidents } from './dataset';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';

export function writeCase(path: string, count: number): void {
  const store = createCase(path, { name: `Benchmark ${count}`, author: 'bench' });
  if (count) store.saveIncidentsBulk(generateIncidents(count, 99), 'bench');
  store.close();
}

/**
 * Time from starting the web host on a case to the map drawn with its incidents in headless
 * Chromium (the page sets data-ready once the basemap and every incident are on the map).
 */
async function startToReady(casePath: string): Promise<number> {
  const userData = mkdtempSync(join(tmpdir(), 'faultline-bench-user-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'faultline.js'), 'serve', casePath, '--json'], {
    env: { ...process.env, FAULTLINE_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += String(d);
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.on('exit', (code) => reject(new Error(`web host exited (${code})`)));
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await browser.close();
    rmSync(userData, { recursive: true, force: true });
  }
}

export async function runStartupBench(dir: string, count: number, runs = 3): Promise<{ emptyMs: number; fullMs: number } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const empty = join(dir, 'empty.gpkg');
  const full = join(dir, `startup-${count}.gpkg`);
  writeCase(empty, 0);
  writeCase(full, count);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const emptyTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    emptyTimes.push(await startToReady(empty));
    fullTimes.push(await startToReady(full));
  }
  return { emptyMs: median(emptyTimes), fullMs: median(fullTimes) };
}
