import workspace, { typeChecked } from '../../eslint.config.js';

export default [
  ...workspace,
  // The server's plain JavaScript is type-checked too (tsconfig.json: allowJs, checkJs).
  { ...typeChecked, files: ['server/**/*.js'] },
];
