import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-bench/',
      'dev-dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/bench/.cache/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.node,
        __APP_VERSION__: 'readonly',
        __APP_BUILD__: 'readonly',
      },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Never write HTML from data: user text must be rendered as text (DESIGN.md §7).',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never write HTML from data: user text must be rendered as text (DESIGN.md §7).',
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, svelteConfig },
    },
  },
  {
    // The domain is pure TypeScript: no storage, no UI, no charts (STYLE.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-*'], message: 'src/domain must not know where data lives.' },
            { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/domain is pure TypeScript.' },
            { group: ['ag-grid-*', 'chart.js', 'chart.js/*'], message: 'src/domain is pure TypeScript.' },
            {
              group: ['**/storage/**', '**/state/**', '**/ui/**', '**/pages/**', '**/workers/**'],
              message: 'src/domain imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '*.config.{js,ts}',
      'tests/e2e/**',
      'tests/bench/**',
      'tests/fixtures/*.mjs',
      'svelte.config.js',
      'eslint.config.js',
    ],
    ...ts.configs.disableTypeChecked,
  },
);
