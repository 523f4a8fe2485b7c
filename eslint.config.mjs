// Lint, and the layer rule (after VS Code's): renderer/ imports only common/; common/ imports only common/ and zod;
// db/ never imports main/, renderer/ or electron; only the Electron shell (main/shell/) and preload import electron;
// the backend core and domains import no transport; the shell never imports the browser-mode bridge, nor the bridge
// the shell; the static-file server (main/static/) that both use imports neither, nor electron, nor HTTP.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'querystring', 'readline', 'stream', 'string_decoder', 'timers', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-output/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'renderer/ runs sandboxed: talk to main through the channel client (api.ts).' }],
          patterns: [
            { regex: '^electron/', message: 'renderer/ runs sandboxed: talk to main through the channel client (api.ts).' },
            { regex: '^(node:|better-sqlite3|kysely($|/))', message: 'renderer/ must not import Node or database modules.' },
            { regex: `^(${nodeBuiltins.join('|').replace(/\//g, '\\/')})$`, message: 'renderer/ must not import Node modules.' },
            { regex: '(^|/)(main|db|preload)(/|$)', message: 'renderer/ may import only common/ (the layer rule).' },
          ],
        },
      ],
    },
  },
  {
    // Narrow or guard instead of `!`, in all non-test code. Tests may keep theirs.
    files: ['common/**/*.ts', 'db/**/*.ts', 'main/**/*.ts', 'preload/**/*.ts', 'scripts/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.spec.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Allowed: zod, the Danish Snowball stemmer (a pure function, for the one search rule shared by index,
            // query and highlighting), and relative paths that stay inside common/.
            { regex: '^(?!zod($|/)|@orama/stemmers/danish$|\\./|\\.\\./(?!\\.\\.)(?!(main|db|renderer|preload|tests)(/|$))).*', message: 'common/ may import only common/, zod and the Danish stemmer (the layer rule).' },
            { regex: '(^|/)(main|db|renderer|preload|tests)(/|$)', message: 'common/ may import only common/, zod and the Danish stemmer (the layer rule).' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ is plain Node.' }],
          patterns: [{ regex: '(^|/)(main|renderer|preload)(/|$)', message: 'db/ may import only common/ and Node (the layer rule).' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the thin shell (main/shell/) imports electron; the backend core runs without it.' }],
          patterns: [
            { regex: '(^|/)(renderer|preload)(/|$)', message: 'main/ must not import renderer/ or preload/.' },
            { regex: '^electron/', message: 'Only the thin shell (main/shell/) imports electron; the backend core runs without it.' },
          ],
        },
      ],
    },
  },
  {
    // The backend core and its domains know no transport: the shell and the bridge call them, never the reverse.
    files: ['main/core/**/*.ts', 'main/domains/**/*.ts', 'main/keys/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The backend core runs without Electron.' }],
          patterns: [
            { regex: '(^|/)(renderer|preload)(/|$)', message: 'main/ must not import renderer/ or preload/.' },
            { regex: '(^|/)(shell|bridge)(/|$)', message: 'The backend core and domains must not import a transport (main/shell, main/bridge).' },
          ],
        },
      ],
    },
  },
  {
    // The one static-file server for both transports: plain Node (fs, path) and its own folder — no electron, no HTTP,
    // no transport, no backend.
    files: ['main/static/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'main/static/ is shared by the shell and the bridge: no electron.' },
            ...['http', 'https', 'http2', 'net', 'node:http', 'node:https', 'node:http2', 'node:net'].map((name) => ({ name, message: 'main/static/ knows no HTTP: the transports do.' })),
          ],
          patterns: [
            { regex: '^electron/', message: 'main/static/ is shared by the shell and the bridge: no electron.' },
            { regex: '(^|/)(renderer|preload)(/|$)', message: 'main/ must not import renderer/ or preload/.' },
            { regex: '(^|/)(shell|bridge|core|domains|keys)(/|$)', message: 'main/static/ may not import a transport (main/shell, main/bridge) or the backend.' },
          ],
        },
      ],
    },
  },
  {
    // The loopback bridge runs without Electron, so it never imports the shell (which does).
    files: ['main/bridge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the thin shell (main/shell/) imports electron; the bridge runs without it.' }],
          patterns: [
            { regex: '^electron/', message: 'Only the thin shell (main/shell/) imports electron; the bridge runs without it.' },
            { regex: '(^|/)(renderer|preload)(/|$)', message: 'main/ must not import renderer/ or preload/.' },
            { regex: '(^|/)shell(/|$)', message: 'The bridge must not import the Electron shell (main/shell); shared code lives in main/static.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)bridge(/|$)', message: 'The packaged shell must not import the loopback bridge (development and tests only).' }] }],
    },
  },
  {
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
