// Renders resources/icons/icon.svg to resources/icons/icon.png (512×512), the icon
// electron-builder turns into the .icns, .ico and Linux icon set, and the Linux window icon.
// Needs `rsvg-convert` (Debian/Ubuntu: librsvg2-bin) or ImageMagick's `magick`/`convert`.
// Re-run after editing the SVG; the PNG is committed so builds need neither tool.
// Usage: node scripts/make-icon.mjs [size]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'resources', 'icons', 'icon.svg');
const target = join(root, 'resources', 'icons', 'icon.png');
const size = Number(process.argv[2] ?? 512);
if (!Number.isInteger(size) || size < 16 || size > 4096) {
  console.error('make-icon: the size must be a whole number of pixels between 16 and 4096');
  process.exit(2);
}

const converters = [
  ['rsvg-convert', ['--width', String(size), '--height', String(size), '--keep-aspect-ratio', '--output', target, source]],
  ['magick', ['-background', 'none', '-density', '384', source, '-resize', `${size}x${size}`, `PNG32:${target}`]],
  ['convert', ['-background', 'none', '-density', '384', source, '-resize', `${size}x${size}`, `PNG32:${target}`]],
];

let used = null;
for (const [tool, args] of converters) {
  const run = spawnSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') continue;
  if (run.status === 0) {
    used = tool;
    break;
  }
  console.error(`make-icon: ${tool} failed: ${(run.stderr || run.error?.message || '').trim().split('\n')[0]}`);
}
if (!used) {
  console.error('make-icon: no SVG converter found; install librsvg2-bin (rsvg-convert) or ImageMagick');
  process.exit(1);
}

// Check what was written: a PNG of the requested size.
const png = readFileSync(target);
const signature = png.subarray(0, 8).toString('hex');
const width = png.readUInt32BE(16);
const height = png.readUInt32BE(20);
if (signature !== '89504e470d0a1a0a' || width !== size || height !== size) {
  console.error(`make-icon: ${target} is not a ${size}×${size} PNG (got ${width}×${height})`);
  process.exit(1);
}
console.log(`make-icon: wrote ${target} (${size}×${size}, ${statSync(target).size} bytes) with ${used}`);
