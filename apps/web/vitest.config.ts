import { defineProjectConfig } from '../../vitest.shared.js';

export default defineProjectConfig(import.meta.dirname, {
  test: {
    // Projects add their include to the shared one (src/**, test/**): an empty shared include
    // leaves each project exactly the files it names, so no test runs in two projects.
    include: [],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'test/admin/**/*.test.ts'],
        },
      },
      {
        extends: true,
        // `npm start` from the last build (Nx builds the API and the site before these run).
        // Each test starts a fresh data dir (migrations, demo seed): slow on a loaded machine.
        test: {
          name: 'launch',
          include: ['test/launch/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // One browser and one API/web server pair shared by files run one after another.
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
