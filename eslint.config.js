import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'dist/', 'coverage/', 'stubs/', '.local/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Use cases depend on ports only: no AWS SDK, no Lambda types, no adapters.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', 'aws-lambda', '@middy/*', 'soap'],
              message: 'core/ depends on ports, not SDKs.',
            },
            {
              group: ['**/adapters/**', '**/functions/**', '**/local/**', '**/infra/**'],
              message: 'core/ must not import outer layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/core/**',
                '**/adapters/**',
                '**/functions/**',
                '**/local/**',
                '**/infra/**',
                '**/events/**',
              ],
              message: 'schemas/ imports nothing of ours.',
            },
          ],
        },
      ],
    },
  },
);
