// ESLint flat config: typescript-eslint with type information (each tsconfig of the project), the
// rules that catch real bugs in an extension (floating promises, non-exhaustive switches, unused
// code), and no style rules: formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      'no-restricted-imports': ['error', { paths: [] }],
    },
  },
  {
    // What ships: schemas use zod/mini.
    files: ['src/**', 'media/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: 'Use zod/mini (tree-shaken): the full zod would put about 60 KB back into the 200 KB bundle.' }] },
      ],
    },
  },
  {
    // The pure core and the webviews never import VS Code.
    files: [
      'src/api/**',
      'src/core/**',
      'src/session/pipeline.ts',
      'src/session/failure.ts',
      'src/session/types.ts',
      'src/util/**',
      'src/webview/protocol/**',
      'media/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The pure core and the webviews do not import vscode.' },
            { name: 'zod', message: 'Use zod/mini (tree-shaken): the full zod would put about 60 KB back into the 200 KB bundle.' },
          ],
        },
      ],
    },
  },
);
