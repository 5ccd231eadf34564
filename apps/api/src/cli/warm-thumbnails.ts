import {
  createSharpEngine,
  formatProgressBar,
  imageDirectories,
  OriginalStore,
  ThumbnailService,
  warmThumbnails,
} from '@inkwell/assets/thumbnails';
import { openDatabase } from '@inkwell/prisma';
import { loadConfig } from '../config/config.js';
import { runCli } from './run-cli.js';

/** `npm run thumbnails:warm`: makes every configured thumbnail of every upload ahead of readers. */
runCli(async () => {
  const config = loadConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const images = await db.prisma.image.findMany({
      select: { hash: true },
      orderBy: { id: 'asc' },
    });
    const directories = imageDirectories(config.dataDir);
    const thumbnails = new ThumbnailService({
      originals: new OriginalStore(directories.originals),
      cacheDir: directories.thumbnails,
      engine: createSharpEngine(),
    });
    const result = await warmThumbnails(
      images.map((image) => image.hash),
      {
        thumbnails,
        onProgress: ({ done, total }) =>
          process.stderr.write(`\r${formatProgressBar(done, total)}`),
      },
    );
    process.stderr.write('\n');
    console.log(
      `${images.length} image(s): ${result.made} thumbnail(s) made, ${result.alreadyCached} already cached, ` +
        `${result.failures.length} failed`,
    );
    for (const failure of result.failures)
      console.log(`  ${failure.hash}: ${failure.error.message}`);
    if (result.failures.length > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
});
