import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: it knows nothing of Discord, storage, files, the environment or the clock.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['discord.js', 'keyv', '@keyv/*', 'dotenv', 'fs', 'node:fs', 'node:fs/*', 'fs/*'],
              message: 'src/core must stay pure.',
            },
            {
              group: ['**/data/**', '**/discord/**', '**/commands/**', '**/console/**', '**/presenters/**'],
              message: 'src/core imports nothing from outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core must not read process state.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the clock in; the core reads no clock.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass the clock in; the core reads no clock.',
        },
      ],
    },
  },
);
