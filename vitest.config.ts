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
          name: 'e2e',
          include: ['e2e/src/**/*.test.ts'],
          globalSetup: ['e2e/src/support/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // Files run two at a time: each starts servers of its own, and agents claim address
          // blocks of their own, so they share only the Docker engine (and the two cores).
          maxWorkers: 2,
        },
      },
    ],
  },
});
