// @ts-check
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import pluginQuery from '@tanstack/eslint-plugin-query'
import checkFile from 'eslint-plugin-check-file'
import globals from 'globals'

/** Tests and their helpers (docs/development.md, "Test helpers"): outside the import boundaries. */
const TEST_FILES = ['src/**/*.test.{ts,tsx}', 'src/**/*.test-helpers.{ts,tsx}']
/** Shared layers may not reach up into features, app or the mock (docs/architecture.md). */
const SHARED = ['api', 'lib', 'components', 'schema-form', 'mutations', 'theme', 'config']
const upward = (also = []) => [
  { group: ['../*', '../../*'], message: 'Use the @/ alias across folders.' },
  {
    group: ['@/mocks/*'],
    // Types are erased from the build: the app may name the mock's shapes, never its code.
    allowTypeImports: true,
    message: 'Only main.tsx (dynamic import), tests and e2e use the mock.',
  },
  { group: ['@/test/*', '**/*.test-helpers'], message: 'Test helpers are for tests only.' },
  ...also,
]
const features = (() => {
  try {
    return readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  } catch {
    return []
  }
})()

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      '.reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string-literal union, not a TS enum.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      ...pluginQuery.configs.recommended.rules,
      // Reads go through the queryOptions factories (src/api/query-options.ts), not inline keys.
      '@tanstack/query/prefer-query-options': 'error',
    },
  },
  // kebab-case file and folder names (`x.test.ts`, `env.d.ts`: only the part before the first dot
  // counts), and no barrel `index` files.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,e2e,bench,scripts}/**/': 'KEBAB_CASE' },
      ],
      'check-file/no-index': 'error',
    },
  },
  // One way to start the mock in a Vitest file: setupMockBackend (docs/development.md).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/test/mock-backend.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'msw/node',
              message: 'Start the mock with setupMockBackend() from @/test/mock-backend.',
            },
          ],
        },
      ],
    },
  },
  // Import boundaries: shared → features → app; features never import each other.
  {
    files: SHARED.map((dir) => `src/${dir}/**/*.{ts,tsx}`),
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: upward([
            {
              group: ['@/features/*', '@/app/*'],
              message: 'Shared code may not import features or app.',
            },
          ]),
        },
      ],
    },
  },
  ...features.map((name) => ({
    files: [`src/features/${name}/**/*.{ts,tsx}`],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: upward([
            {
              group: ['@/features/*/**', `!@/features/${name}/**`],
              message: 'Features never import each other; compose them in src/app/routes.',
            },
            { group: ['@/app/*'], message: 'Features may not import the app layer.' },
          ]),
        },
      ],
    },
  })),
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: upward() }] },
  },
)
