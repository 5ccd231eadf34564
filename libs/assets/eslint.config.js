import workspace, { libraryImports } from '../../eslint.config.js';

export default [
  ...workspace,
  // The workspace's `libs/**` patterns do not reach files linted through this config.
  { ...libraryImports, files: ['**/*.ts'] },
  // Bundle fixtures are inputs to the bundler (classic scripts sharing globals), not our code.
  { ignores: ['test/fixtures/**'] },
];
