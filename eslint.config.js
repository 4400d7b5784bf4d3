// Lint rules, including the process boundaries between the layers:
// shared/ is pure, renderer/ never reaches Node or Electron directly, and
// electron/ never imports the renderer. And the record's own boundary: only
// renderer/db touches the database, and only the write path writes it.
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

/** Several restrictions with their own messages, as one rule option (a later config would replace, not add to, an earlier one). */
function restrictAll(...sets) {
  return { paths: sets.flatMap((s) => s.paths), patterns: sets.flatMap((s) => s.patterns) };
}

const RENDERER_PLATFORM = restrict(
  ['electron', 'electron/*', 'node:*', ...NODE_BUILTINS, '**/electron/**'],
  'renderer/ reaches the desktop only through the platform bridge (renderer/platform/bridge.ts).',
);

// React.lazy suspends on its first render, and React holds back what a Suspense boundary reveals until 300 ms
// after the last fallback shown anywhere: a view ready to draw waited on that timer (issue 13).
const NO_SUSPENDING_CODE = {
  paths: [{ name: 'react', importNames: ['lazy'], message: 'Load code with lazyCode and <Lazy> (renderer/components/lazy-code.tsx), which do not suspend: React holds back what a Suspense boundary reveals for up to 300 ms.' }],
  patterns: [],
};

const DATABASE_MESSAGE =
  'Only renderer/db touches the database. Read through a hook in renderer/db (for example renderer/db/framework-hooks.ts), write with commands.<name>(...) from renderer/db/commands.ts, and use queries from renderer/db/queries.ts for a one-off read on an event.';
const DATABASE_OUTSIDE_DB = {
  paths: ['dexie', 'dexie-react-hooks'].map((name) => ({ name, message: DATABASE_MESSAGE })),
  patterns: [{ group: ['dexie/*', '**/db/database', '**/db/database.*'], message: DATABASE_MESSAGE }],
};

// Table writes outside the write path: a put/add/update/delete/clear/modify
// called on anything reached from the database object (`db.evidence.put`,
// `db.packets.where(...).delete()`, `this.db.meta.put`), or a read-write
// transaction. Commands write through ctx.put/ctx.bulkPut/ctx.delete instead.
const WRITE_METHODS = '/^(put|add|bulkPut|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)$/';
const WRITE_MESSAGE =
  'Tables are written only by commands: put the write in a renderer/db function run with runCommand (write through ctx.put, ctx.bulkPut, ctx.delete, ctx.putMeta), register it in commandRegistry (renderer/db/commands.ts), and call commands.<name>(...) from views.';
/** What was thrown, as text: one helper, not a copy of its conditional in every catch. */
const ONE_ERROR_MESSAGE = {
  selector: "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message'][alternate.callee.name='String']",
  message: 'Use errorMessage(e) from shared/util/error-message.ts.',
};
/** A failure in words: one helper, so every "Could not …" reads the same and ends with one full stop. */
const ONE_FAILURE_WORDING = {
  selector: "TemplateLiteral[quasis.0.value.raw=/^Could not /]:has(CallExpression[callee.name='errorMessage'])",
  message: "Use couldNot('do what', error, 'Nothing was written.') from shared/util/error-message.ts.",
};
/** `${errorMessage(e)}. Nothing was …` doubles the full stop whenever the reason ends with one (most refusals do). */
const ONE_FULL_STOP = {
  selector: "TemplateLiteral:has(> CallExpression[callee.name='errorMessage']):has(> TemplateElement[value.raw=/^\\.\\s/])",
  message: "Use failureSentence(error, 'Nothing was written.') from shared/util/error-message.ts: one full stop whatever the reason ends with.",
};
const NO_TABLE_WRITES = [
  'error',
  ONE_ERROR_MESSAGE,
  ONE_FAILURE_WORDING,
  ONE_FULL_STOP,
  // Reported at the `db` that starts the chain (esquery's :has cannot be limited to the callee).
  { selector: `CallExpression[callee.property.name=${WRITE_METHODS}] > MemberExpression.callee Identifier[name=/^(db|appDb)$/]`, message: WRITE_MESSAGE },
  { selector: "CallExpression[callee.property.name='transaction'][arguments.0.value=/^(rw|readwrite)/]", message: `A read-write transaction is the write path's alone. ${WRITE_MESSAGE}` },
];


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
      'no-restricted-imports': ['error', restrictAll(RENDERER_PLATFORM, NO_SUSPENDING_CODE)],
      'no-restricted-syntax': NO_TABLE_WRITES,
    },
  },
  {
    // Views, state and the app shell never hold the database or Dexie.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    rules: { 'no-restricted-imports': ['error', restrictAll(RENDERER_PLATFORM, DATABASE_OUTSIDE_DB, NO_SUSPENDING_CODE)] },
  },
  {
    // The write path itself, and the schema upgrades that run inside Dexie's own version transaction.
    files: ['renderer/db/write/**/*.ts', 'renderer/db/database.ts'],
    rules: { 'no-restricted-syntax': ['error', ONE_ERROR_MESSAGE, ONE_FAILURE_WORDING, ONE_FULL_STOP] },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts'],
    ignores: ['shared/util/error-message.ts'],
    rules: { 'no-restricted-syntax': ['error', ONE_ERROR_MESSAGE, ONE_FAILURE_WORDING, ONE_FULL_STOP] },
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
