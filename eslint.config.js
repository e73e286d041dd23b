import vitest from '@vitest/eslint-plugin'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Builds a no-restricted-imports rule from the folders a layer must not import. */
function forbidLayers(layer, forbidden) {
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map(([folder, instead]) => ({
            group: [`@/${folder}/*`, `../${folder}/*`],
            message: `${layer}/ must not import ${folder}/: ${instead}`,
          })),
        },
      ],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'kit/dist',
      'node_modules',
      '**/test-results',
      '**/playwright-report',
      'public',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'always',
        },
      ],
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['eslint.config.js', 'kit/bin/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  forbidLayers('mpns', [
    ['storage', 'the engine is pure; the worker passes stored state in'],
    ['messaging', 'the engine is pure; the worker translates messages'],
    ['sw', 'the engine is pure; sw/ calls it'],
    ['store', 'the engine is pure; stores call it'],
    ['device', 'the engine is pure; the handset calls it'],
    ['console', 'the engine is pure; the console calls it'],
    ['apps', 'the engine is pure; apps call it'],
  ]),
  forbidLayers('storage', [
    ['sw', 'storage is used by sw/, not the reverse'],
    ['store', 'pages reach storage through the worker'],
    ['device', 'pages reach storage through the worker'],
    ['console', 'pages reach storage through the worker'],
  ]),
  forbidLayers('messaging', [
    ['sw', 'messaging describes messages; sw/ handles them'],
    ['store', 'messaging describes messages; store/worker-sync.ts sends them'],
    ['storage', 'messages carry plain data only'],
  ]),
  forbidLayers('sw', [
    ['store', 'the worker never reaches into page stores'],
    ['device', 'the worker has no DOM'],
    ['console', 'the worker has no DOM'],
  ]),
  forbidLayers('store', [
    ['sw', 'talk to the worker through store/worker-sync.ts'],
    ['storage', 'the worker owns storage; use store/worker-sync.ts'],
    ['device', 'stores hold state; components read them'],
    ['console', 'stores hold state; components read them'],
  ]),
  forbidLayers('device', [
    ['sw', 'use store/ actions'],
    ['storage', 'use store/ actions'],
    ['console', 'the handset and the console meet only in store/'],
  ]),
  forbidLayers('console', [
    ['sw', 'use store/ actions'],
    ['storage', 'use store/ actions'],
    ['device', 'the handset and the console meet only in store/'],
  ]),
  // The payload preview draws tiles and the toast with the handset's own components, so that
  // it shows what the handset would. It overrides the rule above for its folder only.
  forbidLayers('console/preview', [
    ['sw', 'use store/ actions'],
    ['storage', 'use store/ actions'],
  ]),
  forbidLayers('apps', [
    ['sw', 'apps use store/worker-sync.ts'],
    ['storage', 'apps use store/worker-sync.ts'],
    ['console', 'apps do not know the console'],
  ]),
  {
    files: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/consistent-test-it': ['error', { fn: 'it' }],
    },
  },
)
