// @ts-check
/**
 * `faultline/layers`: the code-layering rule of DESIGN.md §1, modelled on VS Code's
 * `code-layering` (a file's folder decides which folders it may import) and Signal-Desktop's
 * rule that every dependency is sorted into a layer.
 *
 * Every linted file belongs to a layer by its path. Every import (static import, export-from,
 * dynamic `import()`, `require()`, `import x = require()`, `typeof import('x')`) is checked:
 * - a relative or absolute path resolves to a file whose layer must be one this layer may use;
 * - a package must be in this layer's allowlist, and a package in no allowlist at all is an
 *   error of its own, so a new dependency is a conscious decision about where it may run.
 * Type-only imports are checked the same way: layers are code boundaries, and a type import
 * across them is usually the first step to a value import.
 *
 * Tests (`*.test.*`, `*.spec.*`, files in `test/` or `__tests__/` folders) stay in the layer of
 * their folder, so a shared test still cannot reach into the renderer, but they may also use
 * the test runner, Node built-ins (to read fixtures) and tooling files (test helpers).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

/** @typedef {'shared' | 'renderer' | 'node' | 'electron-main' | 'tooling'} LayerName */
/** @typedef {{ name: string, typeOnly?: boolean }} PackageRule */
/**
 * @typedef {object} LayerSpec
 * @property {LayerName[] | '*'} imports layers whose files this layer may import
 * @property {PackageRule[] | '*'} packages bare imports it may use (`@scope/*` matches a scope)
 * @property {boolean} nodeBuiltins whether `node:*`, `fs`, `path`... are allowed
 */

const geojsonTypes = { name: 'geojson', typeOnly: true };
const nodePackages = [
  { name: 'better-sqlite3' },
  { name: 'zod' },
  { name: '@turf/*' },
  { name: 'playwright-core' },
  // Export formats (issue 4): CSV quoting, KML writing and its XML DOM, KMZ zipping.
  { name: 'papaparse' },
  { name: '@placemarkio/tokml' },
  { name: '@xmldom/xmldom' },
  { name: 'fflate' },
  geojsonTypes,
  // @types/topojson-specification: the basemap decoder's input types.
  { name: 'topojson-specification', typeOnly: true },
  // Parsers for foreign data files (import): CSV, KML/GPX, the XML DOM they need, KMZ zips.
  { name: 'papaparse' },
  { name: '@tmcw/togeojson' },
  { name: '@xmldom/xmldom' },
  { name: 'fflate' },
  // Coordinates of foreign layers in Web Mercator or UTM to longitude/latitude.
  { name: 'proj4' },
];

/** What each layer may import. Edit here to sort a new dependency into a layer. */
/** @type {Record<LayerName, LayerSpec>} */
export const LAYERS = {
  shared: {
    imports: ['shared'],
    packages: [{ name: 'zod' }, { name: '@turf/*' }, geojsonTypes],
    nodeBuiltins: false,
  },
  renderer: {
    imports: ['renderer', 'shared'],
    packages: [
      { name: 'leaflet' },
      { name: '@turf/*' },
      { name: 'zod' },
      { name: 'milsymbol' },
      { name: '@geoman-io/*' },
      geojsonTypes,
    ],
    nodeBuiltins: false,
  },
  node: {
    imports: ['node', 'shared'],
    packages: nodePackages,
    nodeBuiltins: true,
  },
  'electron-main': {
    imports: ['electron-main', 'node', 'shared'],
    packages: [...nodePackages, { name: 'electron' }],
    nodeBuiltins: true,
  },
  tooling: { imports: '*', packages: '*', nodeBuiltins: true },
};

/**
 * Which layer a project-relative path (posix separators) belongs to; first match wins.
 * @type {Array<[RegExp, LayerName]>}
 */
export const FILE_LAYERS = [
  [/^shared(\/|$)/, 'shared'],
  [/^renderer(\/|$)/, 'renderer'],
  [/^electron\/(main|preload)(\.[cm]?[jt]s)?$/, 'electron-main'],
  [/^electron\/shell(\/|$)/, 'electron-main'],
  [/^electron(\/|$)/, 'node'],
  [/^(scripts|bench|e2e|test|eslint-rules|bin)(\/|$)/, 'tooling'],
  [/^[^/]+\.config\.[cm]?[jt]s$/, 'tooling'],
];

/** Packages every test may use in addition to its layer's own. */
// fast-check: property-based tests (random shapes for the geometry functions).
const TEST_PACKAGES = [{ name: 'vitest' }, { name: '@playwright/test' }, { name: 'playwright-core' }, { name: 'fast-check' }];
const TEST_FILE = /(^|\/)(test|__tests__)\/|\.(test|spec)(\.[cm]?[jt]sx?)?$/;

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

/** @param {string} projectPath @returns {LayerName | null} */
export function layerOf(projectPath) {
  for (const [pattern, layer] of FILE_LAYERS) if (pattern.test(projectPath)) return layer;
  return null;
}

/** @param {string} projectPath */
export function isTestFile(projectPath) {
  return TEST_FILE.test(projectPath);
}

/** `@scope/pkg/sub` → `@scope/pkg`, `leaflet/dist/leaflet.css` → `leaflet`. @param {string} spec */
export function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/** @param {string} spec */
export function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(packageName(spec));
}

/** @param {PackageRule[]} rules @param {string} name */
function findPackageRule(rules, name) {
  return rules.find((r) => (r.name.endsWith('/*') ? name.startsWith(r.name.slice(0, -1)) : r.name === name));
}

/** @param {string} name @returns {LayerName[]} */
function layersAllowing(name) {
  return /** @type {LayerName[]} */ (Object.keys(LAYERS)).filter((layer) => {
    const { packages } = LAYERS[layer];
    return packages !== '*' && findPackageRule(packages, name);
  });
}

/** @param {string} p */
const toPosix = (p) => p.split(path.sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keeps imports inside the layers of DESIGN.md §1 (shared, renderer, node, electron-main, tooling).',
    },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string', description: 'Project root; defaults to ESLint’s cwd.' } },
        additionalProperties: false,
      },
    ],
    messages: {
      noLayer:
        'This file is in no layer ({{file}}): add its folder to FILE_LAYERS in eslint-rules/layers.js.',
      layer:
        "The {{from}} layer must not import '{{spec}}' ({{to}} layer); {{from}} may import: {{allowed}}.",
      targetNoLayer: "'{{spec}}' resolves to {{target}}, which is in no layer.",
      outsideProject: "'{{spec}}' resolves outside the project.",
      testImport: "Only tests may import test files ('{{spec}}').",
      builtin: "The {{layer}} layer cannot use the Node built-in '{{spec}}'.",
      packageLayer: "'{{name}}' is not allowed in the {{layer}} layer (allowed in: {{layers}}).",
      unknownPackage:
        "'{{name}}' is in no layer's allowlist: sort this dependency into a layer in eslint-rules/layers.js.",
      testPackage: "'{{name}}' is for tests only (*.test.*, *.spec.*, test/ folders).",
      typeOnly: "'{{name}}' provides types only: use `import type`.",
      computed: 'A computed module specifier cannot be checked against the layers: use a string literal.',
    },
  },

  create(context) {
    const options = /** @type {{ root?: string } | undefined} */ (context.options[0]);
    const root = path.resolve(options?.root ?? context.cwd);
    const filename = path.resolve(root, context.filename);
    const fromPath = toPosix(path.relative(root, filename));
    // Files outside the project (stdin, linked packages) are not ours to sort.
    if (fromPath.startsWith('../') || path.isAbsolute(fromPath)) return {};
    const fromLayer = layerOf(fromPath);
    if (!fromLayer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'noLayer', data: { file: fromPath } });
        },
      };
    }
    const spec = LAYERS[fromLayer];
    const inTest = isTestFile(fromPath);

    /** @param {LayerName} target */
    function mayImportLayer(target) {
      if (spec.imports === '*' || spec.imports.includes(target)) return true;
      return inTest && target === 'tooling';
    }

    /**
     * @param {import('estree').Node} node
     * @param {string} raw the module specifier as written
     * @param {boolean} typeOnly
     */
    function check(node, raw, typeOnly) {
      const specifier = raw.replace(/[?#].*$/, '');
      if (specifier === '') return;
      if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
        checkPath(node, raw, specifier);
      } else {
        checkPackage(node, specifier, typeOnly);
      }
    }

    /** @param {import('estree').Node} node @param {string} raw @param {string} specifier */
    function checkPath(node, raw, specifier) {
      const targetPath = toPosix(path.relative(root, path.resolve(path.dirname(filename), specifier)));
      if (targetPath.startsWith('../') || targetPath === '..' || path.isAbsolute(targetPath)) {
        context.report({ node, messageId: 'outsideProject', data: { spec: raw } });
        return;
      }
      const targetLayer = layerOf(targetPath);
      if (!targetLayer) {
        if (fromLayer !== 'tooling') {
          context.report({ node, messageId: 'targetNoLayer', data: { spec: raw, target: targetPath || '.' } });
        }
        return;
      }
      if (!mayImportLayer(targetLayer)) {
        const allowed = spec.imports === '*' ? 'anything' : [...spec.imports, ...(inTest ? ['tooling'] : [])].join(', ');
        context.report({ node, messageId: 'layer', data: { from: fromLayer, spec: raw, to: targetLayer, allowed } });
        return;
      }
      if (!inTest && fromLayer !== 'tooling' && isTestFile(targetPath)) {
        context.report({ node, messageId: 'testImport', data: { spec: raw } });
      }
    }

    /** @param {import('estree').Node} node @param {string} specifier @param {boolean} typeOnly */
    function checkPackage(node, specifier, typeOnly) {
      if (isNodeBuiltin(specifier)) {
        if (!spec.nodeBuiltins && !inTest) {
          context.report({ node, messageId: 'builtin', data: { layer: fromLayer, spec: specifier } });
        }
        return;
      }
      if (spec.packages === '*') return;
      const name = packageName(specifier);
      const found = findPackageRule(spec.packages, name) ?? (inTest ? findPackageRule(TEST_PACKAGES, name) : undefined);
      if (found) {
        if (found.typeOnly && !typeOnly) context.report({ node, messageId: 'typeOnly', data: { name } });
        return;
      }
      const elsewhere = layersAllowing(name);
      if (elsewhere.length > 0) {
        context.report({ node, messageId: 'packageLayer', data: { name, layer: fromLayer, layers: elsewhere.join(', ') } });
      } else if (findPackageRule(TEST_PACKAGES, name)) {
        context.report({ node, messageId: 'testPackage', data: { name } });
      } else {
        context.report({ node, messageId: 'unknownPackage', data: { name } });
      }
    }

    /**
     * The string value of a module specifier node, or null when it is computed.
     * @param {any} source
     * @returns {string | null}
     */
    function literal(source) {
      if (!source) return null;
      if (source.type === 'Literal' && typeof source.value === 'string') return source.value;
      if (source.type === 'TemplateLiteral' && source.expressions.length === 0) {
        return source.quasis[0]?.value.cooked ?? null;
      }
      return null;
    }

    /** @param {any} node @param {any} source @param {boolean} typeOnly */
    function checkSource(node, source, typeOnly) {
      const value = literal(source);
      if (value === null) {
        if (fromLayer !== 'tooling') context.report({ node, messageId: 'computed' });
        return;
      }
      check(node, value, typeOnly);
    }

    /** A declaration is type-only when marked `import type`, or when every named part is. @param {any} node */
    function importIsTypeOnly(node) {
      if (node.importKind === 'type') return true;
      const specifiers = node.specifiers ?? [];
      return specifiers.length > 0 && specifiers.every((/** @type {any} */ s) => s.importKind === 'type');
    }

    /** @param {any} node */
    function exportIsTypeOnly(node) {
      if (node.exportKind === 'type') return true;
      const specifiers = node.specifiers ?? [];
      return specifiers.length > 0 && specifiers.every((/** @type {any} */ s) => s.exportKind === 'type');
    }

    /** @type {Record<string, (node: any) => void>} */
    const visitors = {
      ImportDeclaration(node) {
        checkSource(node, node.source, importIsTypeOnly(node));
      },
      ExportNamedDeclaration(node) {
        if (node.source) checkSource(node, node.source, exportIsTypeOnly(node));
      },
      ExportAllDeclaration(node) {
        checkSource(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        checkSource(node, node.source, false);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length >= 1) {
          checkSource(node, node.arguments[0], false);
        }
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference?.type === 'TSExternalModuleReference') {
          checkSource(node, node.moduleReference.expression, node.importKind === 'type');
        }
      },
      TSImportType(node) {
        // typescript-eslint 8 has `source`; older versions put a TSLiteralType in `argument`.
        checkSource(node, node.source ?? node.argument?.literal, true);
      },
    };
    return visitors;
  },
};

export default {
  meta: { name: 'eslint-plugin-faultline', version: '1.0.0' },
  rules: { layers: rule },
};
