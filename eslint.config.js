// @ts-check
/**
 * Lint: typescript-eslint's recommended rules for the TypeScript (site, ingest,
 * scripts, tests) and eslint-plugin-astro's for the components and pages.
 * Formatting is prettier's job (`.prettierrc.json`), not the linter's.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'screenshots/', 'test-results/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Chinese texts use U+3000 (full-width space) on purpose; flag it only in code, not in strings, patterns or comments.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true, skipJSXText: true },
      ],
      // Refusing control characters (pasted from word processors, bidi overrides) is what these patterns are for.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests poke at syntax trees and parsed JSON whose shapes they check themselves.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-regex-spaces': 'off' },
  },
);
