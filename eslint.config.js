// @ts-check
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const pureRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process'],
          message: 'Pure packages do no I/O.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'Pure packages take configuration as arguments.' },
    { name: 'setTimeout', message: 'Pure packages have no timers.' },
    { name: 'setInterval', message: 'Pure packages have no timers.' },
    { name: 'fetch', message: 'Pure packages do no I/O.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Pass time in as an argument.' },
    { object: 'Math', property: 'random', message: 'Pass a seed in as an argument.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'Pass time in as an argument.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/cli/bin/**', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./packages/*/tsconfig.test.json', './e2e/tsconfig.json', './bench/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-default-export': 'error',
      'import-x/no-self-import': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['vitest.config.ts', 'scripts/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['vitest.config.ts', 'scripts/*.mjs'], rules: { 'import-x/no-default-export': 'off' } },
  {
    files: ['packages/core/src/**/*.ts', 'packages/scheduler/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: pureRules,
  },
  {
    // @berth/lb's pure files: target health, matcher, fail-open routing, the server diff and the
    // runtime-API reply parsers. The rest of haproxy/ and health/ does I/O by design.
    files: [
      'packages/lb/src/health/{target-health-state,matcher,routable-servers}.ts',
      'packages/lb/src/haproxy/{server-sync,runtime-command,servers-state,stat-csv,show-proc}.ts',
    ],
    rules: pureRules,
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Black-box suites read the JSON that real clients print: `any` is the honest type there.
    files: ['e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
