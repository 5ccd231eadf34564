import { defineProjectConfig } from '../../vitest.shared.js';

export default defineProjectConfig(import.meta.dirname, {
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'server/**/*.test.ts'],
          // The shared include also names test/**, which is the browser and launch projects'.
          exclude: ['test/browser/**', 'test/launch/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        // `npm start` from the last build (Nx builds the API and the site before these run).
        // Each test starts a fresh data dir (migrations, demo seed): slow on a loaded machine.
        test: {
          name: 'launch',
          include: ['test/launch/**/*.test.ts'],
          // Projects add their include to the shared one (test/**): keep the others' files out.
          exclude: ['test/browser/**', 'test/admin/**', 'test/fuzz/**', '**/node_modules/**'],
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          exclude: ['test/launch/**', '**/node_modules/**'],
          globalSetup: ['test/browser/global-setup.ts'],
          // One browser and one API/web server pair shared by files run one after another.
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
