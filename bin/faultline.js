#!/usr/bin/env node
// The `faultline` command. The CLI is bundled to dist/node/cli.js by `npm run build`
// (which `npm install` runs through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/node/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('faultline: the app is not built yet; run `npm run build` in the Faultline folder\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(bundle).href);
await main(process.argv.slice(2));
