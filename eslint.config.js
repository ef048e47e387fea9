import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Pure modules: no I/O, no store, no services. */
const PURE = ['domain', 'calendar', 'rules', 'analytics', 'extract', 'plans', 'documents', 'charts'];
/** The pure modules an edge may import directly (vocabulary and dates); the rest only through services. */
const EDGE_MAY_USE = ['domain', 'calendar', 'charts'];
/** The edges: pages, the JSON API, the command line. None imports another. */
const EDGES = ['web', 'api', 'cli'];
const forbid = (folders, message) => ({
  group: folders
    .flatMap((folder) => [`**/${folder}/**`, `**/${folder}/*`])
    .concat(folders.map((folder) => `../${folder}`)),
  message,
});
/** Nothing in src/ (tests there included) imports test support: it lives in test/helpers. */
const TEST_SUPPORT = {
  group: ['**/test/**', '**/e2e/**', '**/*.test.ts', '**/*test-support*', '**/*test-helper*', '**/testing/**'],
  message: 'Test support lives in test/helpers; src/ must not import it.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [] }],
    },
  },
  // Layering (DESIGN.md, README "Architecture"): pure modules → store → services → edges, one way.
  // A later block for the same files replaces no-restricted-imports, so each block lists all it forbids.
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEST_SUPPORT] }] },
  },
  {
    files: PURE.map((folder) => `src/${folder}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TEST_SUPPORT,
            forbid(
              ['store', 'services', ...EDGES],
              'Pure modules must not import from the store, the services or the edges (DESIGN.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TEST_SUPPORT,
            forbid(['services', ...EDGES], 'The store must not import the services or the edges.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [TEST_SUPPORT, forbid(EDGES, 'Services must not import the edges (web, api, cli).')] },
      ],
    },
  },
  // exceljs (maintenance uncertain) stays behind one small module, so that it can be replaced alone.
  {
    files: ['**/*.ts', '**/*.js'],
    ignores: ['src/documents/spreadsheet.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^exceljs/], ImportExpression[source.value=/^exceljs/]',
          message: 'Only src/documents/spreadsheet.ts imports exceljs; use its writeWorkbook and readWorkbook.',
        },
      ],
    },
  },
  ...EDGES.map((edge) => ({
    files: [`src/${edge}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TEST_SUPPORT,
            forbid(
              [
                'store',
                ...PURE.filter((folder) => !EDGE_MAY_USE.includes(folder)),
                ...EDGES.filter((other) => other !== edge),
              ],
              `${edge} imports only services, domain, calendar, errors, config, paths and logger; the store and the other pure modules through services, never another edge.`,
            ),
          ],
        },
      ],
    },
  })),
);
