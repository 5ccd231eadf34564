import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { type PGliteOptions } from '@electric-sql/pglite';
import { type WorkerReply, type WorkerRequest } from './pglite-worker.js';

// Built, the worker is plain JavaScript; from the sources it needs tsx (see the .mjs file).
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(
  fromSource ? './pglite-worker.source.mjs' : './pglite-worker.js',
  import.meta.url,
);

/** A compiled WebAssembly module, as PGlite takes it. */
export type PGliteModule = NonNullable<PGliteOptions['pgliteWasmModule']>;

let pgliteModule: Promise<PGliteModule> | undefined;

// WebAssembly's types live in the DOM library, which this project leaves out.
const webAssembly = (
  globalThis as unknown as {
    WebAssembly: { compile(bytes: Uint8Array): Promise<PGliteModule> };
  }
).WebAssembly;

/**
 * PGlite's WebAssembly, compiled once per process: a restart then skips the compilation.
 *
 * Compiled by V8's baseline compiler (Liftoff) only: by default V8 also recompiles PGlite's hot
 * functions with its optimizing compiler, which kept ~60 MiB more code resident for no speed a
 * blog's queries showed, and spent seconds of CPU at start (ADR 0020). V8 reads the flag when
 * it compiles, so it is set just before; nothing else in the API compiles WebAssembly.
 */
export function compiledPGlite(): Promise<PGliteModule> {
  v8.setFlagsFromString('--liftoff-only');
  pgliteModule ??= readFile(
    path.join(
      path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
      'pglite.wasm',
    ),
  ).then((bytes) => webAssembly.compile(bytes));
  return pgliteModule;
}

/** PGlite in a worker thread: wire-protocol bytes in, PGlite's answer out. */
export class PGliteThread {
  private nextId = 1;
  private exited = false;
  private readonly pending = new Map<
    number,
    { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }
  >();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => {
      if (!('id' in reply)) return;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.bytes);
    });
    worker.on('exit', () => {
      this.exited = true;
      for (const waiting of this.pending.values()) waiting.reject(new Error('PGlite stopped'));
      this.pending.clear();
    });
  }

  /** Opens the PGlite database at `location` on a new thread. */
  static async start(location: string): Promise<PGliteThread> {
    const worker = new Worker(workerFile, {
      workerData: { location, wasmModule: await compiledPGlite() },
      // PGlite's own memory is WebAssembly's; the thread's JavaScript only relays bytes, so a
      // small young generation is enough (V8's default reserves up to 48 MiB per thread).
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if ('ready' in reply) resolve();
        else if ('failed' in reply) reject(new Error(`PGlite did not open: ${reply.failed}`));
        else return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const onExit = (code: number) => reject(new Error(`PGlite thread exited with ${code}`));
      worker.on('message', onMessage);
      worker.once('exit', onExit);
    });
    return new PGliteThread(worker);
  }

  exec(bytes: Uint8Array): Promise<Uint8Array> {
    return this.request({ id: this.nextId++, bytes });
  }

  /** Closes PGlite cleanly (its files are flushed), then ends the thread. */
  async close(): Promise<void> {
    await this.request({ id: this.nextId++, close: true });
    await this.worker.terminate();
  }

  /** Stops the thread at once, even in the middle of a query (PostgreSQL recovers on reopen). */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  private request(request: WorkerRequest): Promise<Uint8Array> {
    if (this.exited) return Promise.reject(new Error('PGlite stopped'));
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }
}
