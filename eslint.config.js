// @ts-check
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const NODE_MODULES = ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process'];

/**
 * Package directions (DESIGN.md §2): `wire ← core ← scheduler, store ← API packages ← server`;
 * agent and lb use wire and core only; an API package reaches another only through its index.ts
 * (the exports maps have no deep paths, so a package name is the only way in). Each entry lists
 * the Berth packages one package may import; anything else is a lint error.
 */
const ALLOWED_BERTH_IMPORTS = {
  wire: [],
  core: ['wire'],
  scheduler: ['wire', 'core'],
  store: ['wire', 'core'],
  telemetry: ['core'],
  gateway: ['wire', 'core'],
  lb: ['wire', 'core'],
  agent: ['wire', 'core'],
  ecs: ['wire', 'core', 'scheduler', 'store', 'gateway', 'elbv2'],
  elbv2: ['wire', 'core', 'store', 'gateway', 'lb'],
  logs: ['wire', 'core', 'gateway', 'telemetry'],
  cloudwatch: ['wire', 'core', 'gateway', 'telemetry', 'store'],
  autoscaling: ['wire', 'core', 'scheduler', 'store', 'gateway'],
  ecr: ['wire', 'core', 'store', 'gateway'],
  registry: ['wire', 'core'],
  iam: ['wire', 'core', 'store', 'gateway'],
  sts: ['wire', 'core', 'store', 'gateway', 'iam'],
  secretsmanager: ['wire', 'core', 'store', 'gateway'],
  ssm: ['wire', 'core', 'store', 'gateway'],
  server: [
    'wire',
    'core',
    'store',
    'telemetry',
    'gateway',
    'lb',
    'ecs',
    'elbv2',
    'logs',
    'cloudwatch',
    'autoscaling',
    'ecr',
    'registry',
    'iam',
    'sts',
    'secretsmanager',
    'ssm',
  ],
  cli: ['wire', 'core', 'agent', 'ecs', 'server'],
};
/** Packages with no I/O, clock or randomness of their own. */
const PURE = new Set(['wire', 'core', 'scheduler']);

const boundaryRules = (pkg, allowed, pure) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@berth/*', ...allowed.flatMap((a) => [`!@berth/${a}`, `!@berth/${a}/*`])],
          message: `${pkg} may import only ${allowed.length ? allowed.map((a) => `@berth/${a}`).join(', ') : 'no Berth package'} (DESIGN.md §2).`,
        },
        {
          group: ['../../*/src/*', '../../../*/src/*', '**/packages/*/src/*'],
          message: 'Reach another package through its name and index.ts, never its files.',
        },
        ...(pure ? [{ group: NODE_MODULES, message: 'Pure packages do no I/O.' }] : []),
      ],
    },
  ],
});

const pureRules = {
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
  ...Object.entries(ALLOWED_BERTH_IMPORTS).map(([pkg, allowed]) => ({
    files: [`packages/${pkg}/src/**/*.ts`],
    ignores: ['**/*.test.ts', '**/*.test-support.ts'],
    rules: boundaryRules(pkg, allowed, PURE.has(pkg)),
  })),
  {
    files: [...PURE].map((pkg) => `packages/${pkg}/src/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: pureRules,
  },
  {
    // Files that size their subject: split anything that grows past this (DESIGN.md §4.3).
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/wire/src/**', '**/*.test.ts'],
    rules: { 'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The load balancer's rule model and its HAProxy renderer are pure: same model, same bytes.
    files: ['packages/lb/src/model/**/*.ts', 'packages/lb/src/render/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-support.ts'],
    rules: { ...boundaryRules('lb', ALLOWED_BERTH_IMPORTS.lb, true), ...pureRules },
  },
  {
    // @berth/lb's pure files: target health, matcher, fail-open routing, the server diff and the
    // runtime-API reply parsers. The rest of haproxy/ and health/ does I/O by design.
    files: [
      'packages/lb/src/health/{target-health-state,matcher,routable-servers}.ts',
      'packages/lb/src/haproxy/{server-sync,runtime-command,servers-state,stat-csv,show-proc}.ts',
    ],
    rules: { ...boundaryRules('lb', ALLOWED_BERTH_IMPORTS.lb, true), ...pureRules },
  },
  {
    // The agent's ECR decisions are pure: which images are registry images, where Docker pulls them
    // from, with what credentials. The token calls and the loopback forwarder do the I/O.
    files: [
      'packages/agent/src/ecr/{image-reference,pull-host,pull-credentials,registry-pull-plan,registry-token}.ts',
      'packages/agent/src/runtime/docker/repo-digest.ts',
    ],
    rules: { ...boundaryRules('agent', ALLOWED_BERTH_IMPORTS.agent, true), ...pureRules },
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
