// Lint: typescript-eslint's strict type-checked rules over everything TypeScript; formatting is Prettier's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'bench/results/', 'node_modules/', '.scratch/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers read naturally in messages and paths; objects, undefined and null in a template are still errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `({ dropped: _dropped, ...kept })` keeps all but one field; a leading underscore says unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `() => void promise` and `(x) => list.push(x)` as callbacks read plainly; a void value used elsewhere is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Arabic text is walked by code point on purpose (no emoji or grapheme clusters matter to the engine).
      '@typescript-eslint/no-misused-spread': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'String' },
            { from: 'lib', name: 'string' },
          ],
        },
      ],
    },
  },
  prettier,
);
