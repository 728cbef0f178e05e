// Tests of the `faultline/layers` rule with ESLint's RuleTester, run by vitest.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin, { isNodeBuiltin, layerOf, packageName } from '../layers.js';

// RuleTester looks for mocha-style globals; vitest does not define them unless `globals` is on.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.afterAll = afterAll;

const rule = plugin.rules.layers;
const ROOT = path.resolve('/project');
const options = [{ root: ROOT }];
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});

/** A test case in file `file` (project-relative) with the root option set. */
function at(file, code, errors) {
  const item = { code, filename: path.join(ROOT, file), options };
  return errors ? { ...item, errors: errors.map((messageId) => (typeof messageId === 'string' ? { messageId } : messageId)) } : item;
}

describe('layerOf', () => {
  it('sorts paths into layers', () => {
    expect(layerOf('shared/api/contract.ts')).toBe('shared');
    expect(layerOf('renderer/map/map.ts')).toBe('renderer');
    expect(layerOf('electron/main.ts')).toBe('electron-main');
    expect(layerOf('electron/preload.ts')).toBe('electron-main');
    expect(layerOf('electron/shell/menu.ts')).toBe('electron-main');
    expect(layerOf('electron/services/host.ts')).toBe('node');
    expect(layerOf('electron/mainly.ts')).toBe('node');
    expect(layerOf('electron/shellfish/x.ts')).toBe('node');
    expect(layerOf('scripts/build.mjs')).toBe('tooling');
    expect(layerOf('bench/run.ts')).toBe('tooling');
    expect(layerOf('e2e/map.spec.ts')).toBe('tooling');
    expect(layerOf('test/helpers.ts')).toBe('tooling');
    expect(layerOf('eslint.config.js')).toBe('tooling');
    expect(layerOf('vitest.config.ts')).toBe('tooling');
    expect(layerOf('renderer/leaflet.config.ts')).toBe('renderer');
    expect(layerOf('sharedthings/x.ts')).toBe(null);
    expect(layerOf('misc.ts')).toBe(null);
  });

  it('names packages and built-ins', () => {
    expect(packageName('@turf/turf')).toBe('@turf/turf');
    expect(packageName('@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css')).toBe('@geoman-io/leaflet-geoman-free');
    expect(packageName('leaflet/dist/leaflet.css')).toBe('leaflet');
    expect(isNodeBuiltin('node:fs')).toBe(true);
    expect(isNodeBuiltin('fs/promises')).toBe(true);
    expect(isNodeBuiltin('path')).toBe(true);
    expect(isNodeBuiltin('leaflet')).toBe(false);
  });
});

tester.run('faultline/layers', rule, {
  valid: [
    // shared → shared, zod, turf, geojson types
    at('shared/api/contract.ts', "import { z } from 'zod'; import { LIMITS } from '../domain/limits';"),
    at('shared/geo/area.ts', "import area from '@turf/area'; import type { Polygon } from 'geojson';"),
    at('shared/geo/area.ts', "import { type Polygon, type Feature } from 'geojson';"),
    at('shared/geo/index.ts', "export * from './area'; export { area } from './area';"),
    at('shared/geo/types.ts', "export type { Polygon } from 'geojson';"),
    at('shared/geo/types.ts', "type P = import('geojson').Polygon;"),
    // renderer → renderer, shared, its packages and their CSS
    at('renderer/map/map.ts', "import L from 'leaflet'; import 'leaflet/dist/leaflet.css'; import './map.css';"),
    at('renderer/map/draw.ts', "import '@geoman-io/leaflet-geoman-free'; import ms from 'milsymbol';"),
    at('renderer/api/client.ts', "import { createApiClient } from '../../shared/api/client'; import type { FaultlineBridge } from '../../shared/api/bridge';"),
    at('renderer/main.ts', "const m = await import('./map/map');"),
    // node → node, shared, built-ins, better-sqlite3
    at('electron/store/caseStore.ts', "import Database from 'better-sqlite3'; import { readFileSync } from 'node:fs'; import path from 'path';"),
    at('electron/services/createServices.ts', "import { dispatch } from '../../shared/api/dispatch'; import { openCase } from '../store/caseStore';"),
    at('electron/cli/main.ts', "import { chromium } from 'playwright-core';"),
    // node → the export format libraries
    at('electron/exports/kml.ts', "import { foldersToKML } from '@placemarkio/tokml'; import { DOMParser } from '@xmldom/xmldom'; import { zipSync } from 'fflate'; import Papa from 'papaparse';"),
    at('electron/store/load.ts', "const { z } = require('zod');"),
    at('electron/basemap/topology.ts', "import type { Topology } from 'topojson-specification';"),
    // electron-main → electron, node, shared
    at('electron/main.ts', "import { app } from 'electron'; import { createServices } from './services/createServices'; import { buildMenu } from './shell/menu';"),
    at('electron/shell/menu.ts', "import { Menu } from 'electron'; import type { Services } from '../services/host'; import { IPC_EVENT } from '../../shared/api/bridge';"),
    at('electron/preload.ts', "import { contextBridge, ipcRenderer } from 'electron'; import type { FaultlineBridge } from '../shared/api/bridge';"),
    // tooling → anything
    at('scripts/build.mjs', "import * as esbuild from 'esbuild'; import { x } from '../renderer/main'; import { y } from '../electron/main';"),
    at('e2e/map.spec.ts', "import { test } from '@playwright/test'; const m = await import(process.env.X);"),
    at('eslint.config.js', "import tseslint from 'typescript-eslint';"),
    at('bin/faultline.js', "const { main } = await import(url);"),
    // tests keep their layer, plus the runner, built-ins and tooling helpers
    at('shared/geo/area.test.ts', "import { describe, it } from 'vitest'; import { readFileSync } from 'node:fs'; import { area } from './area'; import { fixture } from '../../test/fixtures';"),
    at('renderer/history/test/undo.test.ts', "import { expect } from 'vitest'; import { History } from '../history';"),
    at('electron/imports/test/merge.test.ts', "import fc from 'fast-check'; import { it } from 'vitest';"),
    at('shared/domain/test/dates.test.ts', "import fc from 'fast-check';"),
    // foreign data parsers run on the Node side
    at('electron/imports/foreign/x.ts', "import Papa from 'papaparse'; import { kml, gpx } from '@tmcw/togeojson'; import { DOMParser } from '@xmldom/xmldom'; import { unzipSync } from 'fflate';"),
    at('shared/geo/area.test.ts', "import { helper } from './helpers.test';"),
    // query strings (bundler loaders) are ignored for resolution
    at('renderer/ui/icons.ts', "import icon from './icon.svg?raw';"),
    // files outside the project are not sorted
    { code: "import fs from 'fs';", filename: path.resolve('/elsewhere/x.ts'), options },
    // without the root option, the project is ESLint's cwd
    { code: "import { z } from 'zod';", filename: path.join(process.cwd(), 'shared', 'x.ts') },
  ],

  invalid: [
    // shared
    at('shared/api/x.ts', "import { readFileSync } from 'node:fs';", ['builtin']),
    at('shared/api/x.ts', "import path from 'path';", ['builtin']),
    at('shared/api/x.ts', "import { app } from 'electron';", ['packageLayer']),
    at('shared/api/x.ts', "import Database from 'better-sqlite3';", ['packageLayer']),
    at('shared/api/x.ts', "import L from 'leaflet';", ['packageLayer']),
    at('shared/api/x.ts', "import { el } from '../../renderer/ui/dom';", [
      { messageId: 'layer', data: { from: 'shared', spec: '../../renderer/ui/dom', to: 'renderer', allowed: 'shared' } },
    ]),
    at('shared/api/x.ts', "import type { Services } from '../../electron/services/host';", ['layer']),
    at('shared/api/x.ts', "export { createServices } from '../../electron/services/createServices';", ['layer']),
    at('shared/api/x.ts', "export * from '../../renderer/ui/dom';", ['layer']),
    at('shared/api/x.ts', "const m = await import('../../renderer/ui/dom');", ['layer']),
    at('shared/api/x.ts', "const m = require('../../electron/paths');", ['layer']),
    at('shared/api/x.ts', "import fs = require('fs');", ['builtin']),
    at('shared/api/x.ts', "type S = import('../../electron/services/host').Services;", ['layer']),
    at('shared/geo/x.ts', "import { Polygon } from 'geojson';", ['typeOnly']),
    at('shared/geo/x.ts', "import { type Polygon, area } from 'geojson';", ['typeOnly']),
    at('shared/geo/x.ts', 'const m = await import(name);', ['computed']),
    at('shared/geo/x.ts', "import { describe } from 'vitest';", ['testPackage']),
    at('electron/imports/x.ts', "import fc from 'fast-check';", ['testPackage']),
    at('renderer/imports/x.ts', "import Papa from 'papaparse';", ['packageLayer']),
    at('shared/geo/x.ts', "import { unzipSync } from 'fflate';", ['packageLayer']),
    // renderer
    at('renderer/map/x.ts', "import { ipcRenderer } from 'electron';", ['packageLayer']),
    at('renderer/map/x.ts', "import Database from 'better-sqlite3';", ['packageLayer']),
    // the export format libraries are Node-side only: the renderer asks the API for exports
    at('renderer/reports/x.ts', "import Papa from 'papaparse';", ['packageLayer']),
    at('shared/exports/x.ts', "import { zipSync } from 'fflate';", ['packageLayer']),
    at('renderer/map/x.ts', "import { readFile } from 'node:fs/promises';", ['builtin']),
    at('renderer/map/x.ts', "import { openCase } from '../../electron/store/caseStore';", ['layer']),
    at('renderer/map/x.ts', "import type { Services } from '../../electron/services/host';", ['layer']),
    at('renderer/map/x.ts', "import { menu } from '../../electron/shell/menu';", ['layer']),
    at('renderer/map/x.ts', "import { build } from '../../scripts/build.mjs';", ['layer']),
    at('renderer/map/x.ts', "import lodash from 'lodash';", [
      { messageId: 'unknownPackage', data: { name: 'lodash' } },
    ]),
    // node
    at('electron/services/x.ts', "import { app } from 'electron';", [
      { messageId: 'packageLayer', data: { name: 'electron', layer: 'node', layers: 'electron-main' } },
    ]),
    at('electron/services/x.ts', "import { createMenu } from '../shell/menu';", ['layer']),
    at('electron/services/x.ts', "import { x } from '../main';", ['layer']),
    at('electron/services/x.ts', "import L from 'leaflet';", ['packageLayer']),
    at('electron/services/x.ts', "import { el } from '../../renderer/ui/dom';", ['layer']),
    at('electron/services/x.ts', "const e = require('electron');", ['packageLayer']),
    at('electron/services/x.ts', 'const m = require(name);', ['computed']),
    at('electron/services/x.ts', "import { t } from './x.test';", ['testImport']),
    at('electron/basemap/x.ts', "import { Topology } from 'topojson-specification';", ['typeOnly']),
    at('renderer/map/x.ts', "import type { Topology } from 'topojson-specification';", ['packageLayer']),
    // electron-main
    at('electron/shell/x.ts', "import L from 'leaflet';", ['packageLayer']),
    at('electron/shell/x.ts', "import { el } from '../../renderer/ui/dom';", ['layer']),
    at('electron/main.ts', "import { build } from '../scripts/build.mjs';", ['layer']),
    at('electron/preload.ts', "import { x } from '../renderer/api/client';", ['layer']),
    at('electron/main.ts', "import express from 'express';", ['unknownPackage']),
    // tests get the runner, not other layers
    at('shared/geo/area.test.ts', "import { el } from '../../renderer/ui/dom';", ['layer']),
    at('renderer/map/map.test.ts', "import { app } from 'electron';", ['packageLayer']),
    // imports leaving the project or landing in no layer
    at('shared/x.ts', "import x from '../../outside/file';", ['outsideProject']),
    at('electron/services/x.ts', "import pkg from '../../package.json';", ['targetNoLayer']),
    // a file in no layer
    at('misc/thing.ts', "import { z } from 'zod';", [{ messageId: 'noLayer', data: { file: 'misc/thing.ts' } }]),
    // several problems in one file are each reported
    at('renderer/x.ts', "import { app } from 'electron'; import fs from 'fs'; import { s } from '../electron/paths';", [
      'packageLayer',
      'builtin',
      'layer',
    ]),
  ],
});
