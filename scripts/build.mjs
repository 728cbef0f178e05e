// Builds Faultline: the offline basemap (from npm packages), the renderer bundle and the
// Node-side bundles (Electron main, preload, CLI). Run by `npm run build` and by `prepare`
// (so `npm install` leaves a runnable app). Usage: node scripts/build.mjs [--skip-basemap]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const started = Date.now();

if (!args.has('--skip-basemap')) {
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const run = spawnSync(tsx, [join(root, 'scripts', 'build-basemap.ts')], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) {
    console.error('build: the offline basemap could not be built');
    process.exit(run.status ?? 1);
  }
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });

const common = { bundle: true, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
// ESM bundles for Node still meet CommonJS dependencies that call require().
const nodeBanner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { app: 'renderer/main.ts', report: 'renderer/report/main.ts' },
    outdir: 'dist/renderer',
    format: 'iife',
    platform: 'browser',
    minify: true,
    target: ['chrome120'],
    loader: { '.png': 'file', '.svg': 'file' },
    assetNames: 'assets/[name]-[hash]',
  }),
  esbuild.build({
    ...common,
    entryPoints: { main: 'electron/main.ts', cli: 'electron/cli/index.ts' },
    outdir: 'dist/node',
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    banner: nodeBanner,
  }),
  esbuild.build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outfile: 'dist/node/preload.cjs',
    format: 'cjs',
    platform: 'node',
    target: ['node20'],
    external: ['electron'],
  }),
]);
copyFileSync(join(root, 'renderer', 'index.html'), join(root, 'dist', 'renderer', 'index.html'));
copyFileSync(join(root, 'renderer', 'report', 'report.html'), join(root, 'dist', 'renderer', 'report.html'));
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
