import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Type-aware rules: promises that are neither awaited nor handled, promises where a plain value
 * is expected, `await` on what is not a promise, a promise returned unawaited from a `try` (its
 * rejection would skip the `catch`), rejections with non-errors, and type assertions that change
 * nothing. For files in a tsconfig; patterns are relative to the config in use (this one, or a
 * project's that spreads it).
 */
export const typeChecked = {
  files: ['**/*.ts', '**/*.tsx'],
  languageOptions: {
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': 'error',
    '@typescript-eslint/await-thenable': 'error',
    '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    // Passing on a caught `unknown` is forwarding, not inventing a non-Error reason.
    '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    '@typescript-eslint/no-unnecessary-type-assertion': 'error',
  },
};

/** Libraries never import apps. A library with a config of its own spreads this with `**` files. */
export const libraryImports = {
  files: ['libs/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/apps/*', '@inkwell/api', '@inkwell/web'],
            message: 'Libraries never import apps.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/build/**',
      '**/generated/**',
      '**/node_modules/**',
      '.nx/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  typeChecked,
  libraryImports,
  // The API's module borders (apps/api/README.md, "Module borders"). Tests may cross them.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/admin/**',
      // The first run is the admin's: it removes the demo content as the panel would.
      'apps/api/src/setup/**',
      // An import writes through the admin panel's services, so its writes are the panel's.
      'apps/api/src/transfer/**',
      // The composition root imports every module.
      'apps/api/src/app.module.ts',
      'apps/api/src/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/admin/*'],
              message:
                'Only admin/, setup/ and transfer/ import admin/: move what others need to its own module or common/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/common/**/*.ts'],
    ignores: ['apps/api/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!config/|database/)',
              message:
                'common/ imports no feature module (only config/ and database/): an error declares its answer itself (ApiError).',
            },
          ],
        },
      ],
    },
  },
);
