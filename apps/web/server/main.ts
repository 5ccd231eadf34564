import { loadWebConfig } from './config.js';
import { startWebServer } from './web-server.js';

/* The site on its own (`npm run serve`, `npm run dev`): the API runs elsewhere, at API_URL. */

const site = await startWebServer(loadWebConfig(process.env));
console.log(`Web listening on ${site.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping`);
    site.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stopping failed:', error);
        process.exit(1);
      },
    );
  });
}
