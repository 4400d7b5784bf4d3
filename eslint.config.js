// Lint rules, including the process boundaries between the layers:
// shared/ is pure, renderer/ never reaches Node or Electron directly, and
// electron/ never imports the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare Node built-in names are matched exactly (as `paths`), so a local
// folder such as shared/util is not mistaken for Node's `util`.
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'buffer', 'util', 'events', 'worker_threads'];

function restrict(patterns, message) {
  const exact = patterns.filter((p) => NODE_BUILTINS.includes(p));
  const globs = patterns.filter((p) => !NODE_BUILTINS.includes(p));
  return { paths: exact.map((name) => ({ name, message })), patterns: [{ group: globs, message }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Control characters in patterns are deliberate: they are what input checks refuse.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { crypto: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', atob: 'readonly', btoa: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        restrict(
          ['electron', 'electron/*', 'dexie', 'dexie-*', 'react', 'react-*', 'react/*', 'recharts', 'zustand', 'zustand/*', 'node:*', ...NODE_BUILTINS, '**/renderer/**', '**/electron/**'],
          'shared/ is pure domain code: no Electron, Dexie, React, DOM or Node modules, and nothing from renderer/ or electron/.',
        ),
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        restrict(['electron', 'electron/*', 'node:*', ...NODE_BUILTINS, '**/electron/**'], 'renderer/ reaches the desktop only through the platform bridge (renderer/platform/bridge.ts).'),
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', restrict(['**/renderer/**', 'react', 'react-*', 'dexie'], 'electron/ never imports the renderer.')],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'test/**/*.{ts,tsx}', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
