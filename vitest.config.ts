import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Tests run on the TypeScript sources: each workspace package resolves to its src/index.ts, and
// each of @berth/wire's per-API doors (`@berth/wire/ecs`, …) to its folder's index.ts.
const wireDoors = readdirSync(here('./packages/wire/src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    find: new RegExp(`^@berth/wire/${entry.name}$`),
    replacement: here(`./packages/wire/src/${entry.name}/index.ts`),
  }));
const packageDoors = readdirSync(here('./packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    find: new RegExp(`^@berth/${entry.name}$`),
    replacement: here(`./packages/${entry.name}/src/index.ts`),
  }));
const alias = [...wireDoors, ...packageDoors];

/**
 * The e2e files that need the machine to themselves, run one at a time after the others: two
 * measure the CPU tasks get (AWS/ECS CPUUtilization against docker stats, target tracking on it),
 * and two load it hard enough to fail others' latency checks (churn's kill -9 loop, a 160 MiB push).
 */
const RUN_ALONE_E2E = [
  'e2e/src/ecs-metrics.test.ts',
  'e2e/src/autoscaling-cpu.test.ts',
  'e2e/src/churn.test.ts',
  'e2e/src/ecr-push-crash.test.ts',
];
const e2e = {
  include: ['e2e/src/**/*.test.ts'],
  globalSetup: ['e2e/src/support/global-setup.ts'],
  testTimeout: 240_000,
  hookTimeout: 240_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          ...e2e,
          name: 'e2e',
          exclude: RUN_ALONE_E2E,
          // Files run two at a time: each starts servers of its own, and agents claim address
          // blocks of their own, so they share only the Docker engine (and the two cores).
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...e2e,
          name: 'e2e-alone',
          include: RUN_ALONE_E2E,
          // After the rest, one file at a time (see RUN_ALONE_E2E).
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
