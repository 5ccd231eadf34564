import workspace from '../../eslint.config.js';

// Bundle fixtures are inputs to the bundler (classic scripts sharing globals), not our code.
export default [...workspace, { ignores: ['test/fixtures/**'] }];
