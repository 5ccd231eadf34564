import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Extensions, PGlite } from '@electric-sql/pglite';
import { compiledPGlite } from './embedded/pglite-thread.js';

/** PGlite's version: a dump is only loaded by the PGlite that made it. */
async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Where the empty cluster of this PGlite version is kept, for every process of the machine. */
export async function emptyClusterFile(): Promise<string> {
  return path.join(tmpdir(), `inkwell-pglite-${await pgliteVersion()}-empty-cluster.tar`);
}

/**
 * A new, empty `memory://` PGlite database. On an empty location PGlite runs initdb first:
 * seconds of CPU, which every test database paid again, for a cluster that is the same each
 * time. So the first one is dumped to `file` (written whole, then renamed, so a process reading
 * it meanwhile never sees half of it) and later ones start from a copy of that dump. A dump that
 * cannot be loaded is replaced by a fresh one; one that cannot be written is not kept.
 */
export async function createMemoryPGlite(extensions: Extensions, file?: string): Promise<PGlite> {
  const clusterFile = file ?? (await emptyClusterFile());
  // Compiled as the API's own database thread compiles it: by the baseline compiler only.
  const options = { extensions, pgliteWasmModule: await compiledPGlite() };
  const dump = await readFile(clusterFile).catch(() => null);
  if (dump) {
    try {
      return await PGlite.create('memory://', { ...options, loadDataDir: new Blob([dump]) });
    } catch {
      // Damaged or from elsewhere: made afresh below.
    }
  }
  const pglite = await PGlite.create('memory://', options);
  await keepCluster(pglite, clusterFile);
  return pglite;
}

/** Best effort: where the copy cannot be written, the next database runs initdb again. */
async function keepCluster(pglite: PGlite, clusterFile: string): Promise<void> {
  const partial = `${clusterFile}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fresh = await pglite.dumpDataDir('none');
    await writeFile(partial, Buffer.from(await fresh.arrayBuffer()));
    await rename(partial, clusterFile);
  } catch {
    await rm(partial, { force: true });
  }
}
