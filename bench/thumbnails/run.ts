// Thumbnails per second for a 3000x2000 JPEG at 640 px, made cold and served from the disk
// cache, with the peak resident memory. Bounded: each phase stops at its time or count limit.
// Then the disk-cached thumbnail over HTTP against a static file (see http.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OriginalStore,
  ThumbnailService,
  createSharpEngine,
  type ThumbnailFormat,
} from '@inkwell/assets/thumbnails';
import sharp from 'sharp';
import { photoLikeJpeg } from '../shared/photo-like-jpeg.js';
import { benchServing } from './http.js';

const WIDTH = 3000;
const HEIGHT = 2000;
const COLD_LIMIT = { seconds: 12, count: 40 };
const CACHED_SECONDS = 3;

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

interface Row {
  case: string;
  count: number;
  seconds: number;
  peakRssMb: number;
}

async function measure(
  label: string,
  limit: { seconds: number; count: number },
  once: (index: number) => Promise<unknown>,
): Promise<Row> {
  const started = performance.now();
  let count = 0;
  while (count < limit.count && performance.now() - started < limit.seconds * 1000) {
    await once(count);
    count += 1;
  }
  return {
    case: label,
    count,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: peakRssMb(),
  };
}

const workDir = await mkdtemp(join(tmpdir(), 'inkwell-bench-thumbnails-'));
try {
  const originals = new OriginalStore(join(workDir, 'originals'));
  const source = await photoLikeJpeg(WIDTH, HEIGHT);
  const image = await originals.save(source, 'bench.jpg', { maxBytes: 50_000_000 });
  const engine = createSharpEngine();
  const rows: Row[] = [];
  for (const format of ['webp', 'avif'] as ThumbnailFormat[]) {
    // Cold: every request gets an empty cache directory, so each one decodes and encodes.
    rows.push(
      await measure(`${format} 640 px, cold`, COLD_LIMIT, (index) =>
        new ThumbnailService({
          originals,
          engine,
          cacheDir: join(workDir, `cold-${format}-${index}`),
        }).get(image.hash, { width: 640, format }),
      ),
    );
    const cached = new ThumbnailService({ originals, engine, cacheDir: join(workDir, 'cached') });
    await cached.get(image.hash, { width: 640, format });
    rows.push(
      await measure(
        `${format} 640 px, disk cache`,
        { seconds: CACHED_SECONDS, count: Infinity },
        () => cached.get(image.hash, { width: 640, format }),
      ),
    );
  }
  console.log(
    `source ${WIDTH}x${HEIGHT} JPEG, ${Math.round(source.byteLength / 1024)} KB; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${sharp.concurrency()} libvips thread(s); load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log('| case | thumbnails | seconds | thumbnails/s | ms each | peak RSS (MB) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const perSecond = row.count / row.seconds;
    console.log(
      `| ${row.case} | ${row.count} | ${row.seconds.toFixed(1)} | ${perSecond.toFixed(perSecond < 100 ? 1 : 0)} | ${((row.seconds * 1000) / row.count).toFixed(2)} | ${row.peakRssMb} |`,
    );
  }
  await benchServing(workDir, source);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
