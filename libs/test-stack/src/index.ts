export { selfSignedCertificate } from './certificate.js';
export { freePort } from './free-port.js';
export {
  startProcess,
  stopProcess,
  type StartProcessOptions,
  type StartedProcess,
} from './start-process.js';
export {
  TEST_PASSWORD_HASH_COST,
  WORKSPACE_ROOT,
  runCommand,
  runSourceScript,
  sourceArgs,
  startSourceServer,
  type EnvVars,
  type ScriptResult,
} from './source-script.js';
export { workspacePackageDir } from './workspace-package.js';
export { createAdmin, runApiScript, startApiProcess, type Admin, type ApiProcess } from './api.js';
export { startWebServer, type WebServer } from './web.js';
export {
  startFirstRunStack,
  startScaledOutStack,
  startStack,
  type ScaledOutStack,
  type Stack,
  type StackOptions,
} from './stacks.js';
