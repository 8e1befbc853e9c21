// Lint rules, including the import boundaries of architecture.md (which folder may import what).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'worker_threads', 'stream', 'events', 'util'];

/** Builds a no-restricted-imports rule from forbidden module patterns. */
function forbid(patterns, why) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'tmp/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['main/common/**/*.ts'],
    ignores: ['main/common/**/*.test.ts'],
    rules: forbid([...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', 'lexical', '@lexical/*', '**/core/**', '**/server/**', '**/cli/**', '**/electron/**', '**/renderer/**'], 'main/common runs anywhere: only zod and itself.'),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: forbid(['electron', '**/server/**', '**/cli/**', '**/electron/**', '**/renderer/**', 'react', 'lexical', '@lexical/*'], 'main/core is plain Node: never electron, server, cli or renderer.'),
  },
  {
    files: ['main/server/**/*.ts', 'main/cli/**/*.ts'],
    rules: forbid(['electron', '**/electron/**', '**/renderer/**'], 'server and cli use common and core only.'),
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: forbid(['**/server/**', '**/cli/**', '**/renderer/**'], 'the Electron shell composes core and shell handlers only.'),
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: forbid([...nodeBuiltins, '**/core/**', '**/server/**', '**/cli/**', '**/renderer/**', 'better-sqlite3'], 'the preload exposes two functions and nothing else.'),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([...nodeBuiltins, 'electron', 'better-sqlite3', '**/main/core/**', '**/main/server/**', '**/main/cli/**', '**/main/electron/**'], 'the renderer talks to the outside only through src/api.'),
    },
  },
  {
    files: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
