import { loadWebConfig } from './config.js';
import { startWebServer } from './web-server.js';

/* The site on its own (`npm run serve`, `npm run dev`): the API runs elsewhere, at API_URL. */

const site = await startWebServer(
  loadWebConfig(process.env, { stdoutIsTTY: process.stdout.isTTY }),
);
site.logger.info(`Web listening on ${site.url}`);
if (site.metricsUrl) site.logger.info(`Metrics at ${site.metricsUrl}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    site.logger.info(`${signal}: stopping`);
    site.close().then(
      () => process.exit(0),
      (error: unknown) => {
        site.logger.error({ err: error }, 'Stopping failed');
        process.exit(1);
      },
    );
  });
}
