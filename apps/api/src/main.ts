import { Logger } from '@nestjs/common';
import { operatorMessage } from './common/operator-message.js';
import { loadConfig } from './config/config.js';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  new Logger('Inkwell').log(`API listening on http://${config.host}:${address.port}`);
}

main().catch((error: unknown) => {
  // A bad setting or a busy database is the operator's to fix: say which, without a stack trace.
  console.error(operatorMessage(error));
  process.exit(1);
});
