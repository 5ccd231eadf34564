import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import workspace, { typeChecked } from '../../eslint.config.js';

export default [
  ...workspace,
  // The server's plain JavaScript is type-checked too (tsconfig.json: allowJs, checkJs).
  { ...typeChecked, files: ['server/**/*.js'] },
  // Components: the rules of hooks (with the React Compiler's checks) and accessible markup.
  { files: ['app/**/*.tsx'], ...reactHooks.configs.flat.recommended },
  { files: ['app/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
];
