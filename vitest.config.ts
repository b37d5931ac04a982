import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const src = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run on the TypeScript sources: each workspace package resolves to its src/index.ts.
const alias = {
  '@berth/core': src('core'),
  '@berth/scheduler': src('scheduler'),
  '@berth/store': src('store'),
  '@berth/control-plane': src('control-plane'),
  '@berth/agent': src('agent'),
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
