import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type PGliteModule } from './pglite-thread.js';

/**
 * Runs PGlite on its own thread, so a slow query stops this thread and not the process's event
 * loop. The owner sends wire-protocol bytes and gets PGlite's answer back.
 */
export type WorkerRequest = { id: number; bytes: Uint8Array } | { id: number; close: true };
export type WorkerReply =
  | { id: number; bytes: Uint8Array }
  | { id: number; error: string }
  | { ready: true }
  | { failed: string };

const port = parentPort!;
const { location, wasmModule } = workerData as {
  location: string;
  wasmModule: PGliteModule;
};

try {
  const pglite = await PGlite.create(location, {
    extensions: { pg_trgm },
    pgliteWasmModule: wasmModule,
    // PGlite's default of 128 MB is resident once touched; a blog's working set is far smaller,
    // and the files are in the OS page cache anyway.
    postgresqlconf: ['shared_buffers=16MB'],
  });
  port.on('message', (request: WorkerRequest) => {
    if ('close' in request) {
      void pglite.close().then(() => port.postMessage({ id: request.id, bytes: new Uint8Array() }));
      return;
    }
    pglite.execProtocolRaw(request.bytes).then(
      (bytes) => port.postMessage({ id: request.id, bytes } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({ id: request.id, error: String(error) } satisfies WorkerReply),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ failed: String((error as Error)?.stack ?? error) } satisfies WorkerReply);
}
