import path from 'node:path';
import { createUser } from '../../src/auth/create-user.js';
import { exportBlog } from '../../src/transfer/export-blog.js';
import { importBlog } from '../../src/transfer/import-blog.js';
import { type ImportReport } from '../../src/transfer/import-report.js';
import { silentProgress } from '../../src/transfer/progress.js';
import { type ImportFormat, readSource } from '../../src/transfer/read-source.js';
import {
  transferServices,
  type TransferServices,
} from '../../src/transfer/application-services.js';
import { TEST_SCRYPT } from '../admin/admin-test-api.js';
import { type EngineKind, startTestApi, type TestApi } from '../test-api.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

export interface TransferTestApi extends TestApi {
  services: TransferServices;
  /** Reads `source` (relative to the fixtures) and imports it as `npm run import` does. */
  importSource(
    source: string,
    options?: { format?: ImportFormat; dryRun?: boolean },
  ): Promise<ImportReport>;
  exportTo(folder: string): ReturnType<typeof exportBlog>;
}

/** A real API on an empty blog (no post, no category) whose only account is its admin. */
export async function startEmptyBlog(kind: EngineKind): Promise<TransferTestApi> {
  const api = await startTestApi(kind, { categories: [], posts: [] });
  await createUser(
    api.db.prisma,
    { email: 'admin@example.com', role: 'ADMIN', password: 'correct horse battery staple' },
    TEST_SCRYPT,
  );
  const services = transferServices(api.app);
  return {
    ...api,
    services,
    importSource: async (source, options = {}) => {
      const { format, bundle } = await readSource(path.resolve(FIXTURES, source), options.format);
      return importBlog(services, bundle, {
        format,
        dryRun: options.dryRun ?? false,
        progress: silentProgress,
      });
    },
    exportTo: (folder) =>
      exportBlog(services.prisma, services.originals, folder, {
        dryRun: false,
        progress: silentProgress,
      }),
  };
}

/** Sums of each outcome over every kind of item. */
export function totals(
  report: ImportReport,
): Record<'created' | 'updated' | 'unchanged' | 'skipped', number> {
  const sum = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const counts of Object.values(report.counts)) {
    for (const outcome of Object.keys(sum) as Array<keyof typeof sum>)
      sum[outcome] += counts[outcome];
  }
  return sum;
}
