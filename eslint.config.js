// Layering rules (VS Code style): each message says why the boundary exists.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const SHARED_WHY = 'shared/ must run unchanged in Node, the browser and workers: no platform imports. Put platform code in main/ (Node) or renderer/ (DOM) and pass it in.';
const RENDERER_WHY = 'renderer/ is a web app first: it talks to the backend only through the contract (shared/api/contract.ts), so the same UI runs in Electron and under `tapedeck serve`.';
const MAIN_WHY = 'main/ is the Node side; the UI is only reachable through the contract, never imported.';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'zlib', 'url', 'worker_threads', 'stream', 'events', 'util', 'buffer', 'module'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'app/dist/**', 'release/**', 'test-results/**', '.tsbuild/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: SHARED_WHY },
            { name: 'react', message: SHARED_WHY },
            { name: 'react-dom', message: SHARED_WHY },
            { name: 'monaco-editor', message: SHARED_WHY },
            { name: 'chokidar', message: SHARED_WHY },
            ...nodeBuiltins.map((name) => ({ name, message: SHARED_WHY })),
          ],
          patterns: [
            { group: ['node:*'], message: SHARED_WHY },
            { group: ['**/main/**', '**/renderer/**', '**/test/**'], message: SHARED_WHY },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname', 'self'].map((name) => ({ name, message: SHARED_WHY })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: RENDERER_WHY }, ...nodeBuiltins.map((name) => ({ name, message: RENDERER_WHY }))],
          patterns: [
            { group: ['node:*'], message: RENDERER_WHY },
            { group: ['**/main/**'], message: RENDERER_WHY },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: MAIN_WHY }] }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'app/bin/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Tests poke at JSON of many shapes; typing every fixture projection buys nothing.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/e2e/**/*.ts'],
    ignores: ['test/e2e/helpers/test.ts', 'test/e2e/playwright.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "Import test from './helpers/test': its page is reset and reused between tests; Playwright's own makes a context per test, which costs more CPU than most tests.",
            },
          ],
        },
      ],
    },
  },
);
