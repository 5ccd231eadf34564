import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
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
  },
  // The API's module borders (apps/api/README.md, "Module borders"). Tests may cross them.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/admin/**',
      // The first run is the admin's: it removes the demo content as the panel would.
      'apps/api/src/setup/**',
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
                'Only admin/ and setup/ import admin/: move what others need to its own module or common/.',
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
