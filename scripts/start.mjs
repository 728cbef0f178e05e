// `npm start`: the Electron app where its binary is available; otherwise the web host on
// 127.0.0.1 with a message saying so and the address to open (DESIGN.md §1, §6).
// Pass a case file to open it: `npm start -- my-case.gpkg`. FAULTLINE_HOST=web forces the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const forwarded = process.argv.slice(2);

if (!existsSync(join(root, 'dist', 'node', 'cli.js')) || !existsSync(join(root, 'dist', 'renderer', 'app.js'))) {
  console.log('Building Faultline (first start)…');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Path of the Electron binary, fetching it once if the install skipped it; or a reason why not. */
function electronBinary() {
  if (process.env.FAULTLINE_HOST === 'web') return { reason: 'FAULTLINE_HOST=web was set' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display (DISPLAY is not set)' };
  }
  const electronDir = dirname(require.resolve('electron/package.json'));
  const installed = () => {
    try {
      const pathFile = join(electronDir, 'path.txt');
      if (!existsSync(pathFile)) return null;
      const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
      return existsSync(binary) ? binary : null;
    } catch {
      return null;
    }
  };
  let binary = installed();
  if (!binary) {
    console.log("Fetching Electron's binary (a one-time download)…");
    const fetch = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
    binary = installed();
    if (!binary) {
      const detail = `${fetch.stderr ?? ''}${fetch.error?.message ?? ''}`
        .split('\n')
        .map((l) => l.trim())
        .find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|timed out|Unsupported|ETIMEDOUT/i.test(l));
      return { reason: `its download failed${detail ? ` (${detail.slice(0, 160)})` : ''}` };
    }
  }
  return { binary };
}

const electron = electronBinary();
if (electron.binary) {
  const child = spawn(electron.binary, [root, ...forwarded], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron is not available here: ${electron.reason}.\n` +
      'Starting Faultline as a web host on 127.0.0.1 instead: the same app, in your browser.',
  );
  const { main } = await import(pathToFileURL(join(root, 'dist', 'node', 'cli.js')).href);
  await main(['serve', ...forwarded]);
}
