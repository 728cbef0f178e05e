// ESLint flat config: @eslint/js and typescript-eslint recommended everywhere, plus the
// project's layer rule (eslint-rules/layers.js, DESIGN.md §1). Type-aware rules are left out
// on purpose: `npm run typecheck` does the type checking, and lint stays fast.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import faultline from './eslint-rules/layers.js';

export default defineConfig([
  globalIgnores([
    'dist/',
    'release/',
    'node_modules/',
    'resources/basemap/',
    'test-results/',
    'playwright-report/',
    'e2e/artifacts/',
    '.tmp/',
  ]),

  {
    name: 'faultline/base',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
  {
    name: 'faultline/typescript',
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_name` marks a parameter that a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'faultline/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // Globals only matter to plain JS files (typescript-eslint turns `no-undef` off for TS, where
  // the compiler checks names), but they document which runtime each folder is written for.
  {
    name: 'faultline/globals-browser',
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'faultline/globals-node',
    files: ['electron/**', 'scripts/**', 'bench/**', 'bin/**', 'e2e/**', 'test/**', 'eslint-rules/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    name: 'faultline/layers',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    plugins: { faultline },
    rules: { 'faultline/layers': 'error' },
  },
]);
