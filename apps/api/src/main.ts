import { Logger } from '@nestjs/common';
import { operatorMessage } from './common/operator-message.js';
import { loadConfig } from './config/config.js';
import { createApp } from './create-app.js';
import { stopOnSignals } from './stop-on-signals.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { stdoutIsTTY: process.stdout.isTTY });
  const app = await createApp(config);
  const logger = new Logger('Inkwell');
  stopOnSignals(app, { timeoutMs: config.shutdownTimeoutMs, logger });
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.host}:${address.port}`;
  logger.log(`API listening on ${url}`);
  // Started by `npm start` (apps/web/server/launch.ts): say where, and stop when it is gone.
  if (process.send) {
    process.send({ type: 'listening', url });
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
}

main().catch((error: unknown) => {
  // A bad setting or a busy database is the operator's to fix: say which, without a stack trace.
  console.error(operatorMessage(error));
  process.exit(1);
});
