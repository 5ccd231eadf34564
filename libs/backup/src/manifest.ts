import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BackupError } from './backup-error.js';

/** The manifest's name in a backup folder; written last, so its presence marks a whole backup. */
export const MANIFEST_FILE = 'manifest.json';
/** Bumped when the layout changes in a way an older restore cannot read. */
export const FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[a-f0-9]{64}$/);

const fileEntry = z.object({
  /** Relative to the backup folder, with `/` separators. */
  path: z
    .string()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'leaves the backup folder'),
  bytes: z.number().int().nonnegative(),
  sha256,
});

const manifestSchema = z.object({
  format: z.literal('inkwell-backup'),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  source: z.object({ engine: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
  migrations: z.array(z.object({ name: z.string(), checksum: sha256 })),
  tables: z.array(
    fileEntry.extend({ table: z.string(), columns: z.array(z.string()), rows: z.number().int() }),
  ),
  sequences: z.array(
    z.object({ table: z.string(), column: z.string(), value: z.string(), isCalled: z.boolean() }),
  ),
  uploads: z.array(fileEntry),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type FileEntry = z.infer<typeof fileEntry>;
export type TableEntry = Manifest['tables'][number];
export type SequenceEntry = Manifest['sequences'][number];

/** Reads and checks the manifest of the backup in `folder`; a missing one means unfinished. */
export async function readManifest(folder: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BackupError(
      `${folder} has no ${MANIFEST_FILE}: it is not a backup, or its backup did not finish. ` +
        'Restore from a complete backup.',
    );
  }
  let parsed: ReturnType<typeof manifestSchema.safeParse>;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(text));
  } catch {
    throw new BackupError(`${path.join(folder, MANIFEST_FILE)} is not valid JSON.`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupError(
      `${path.join(folder, MANIFEST_FILE)} is not an Inkwell backup manifest: ` +
        `${issue.path.join('.') || 'the file'}: ${issue.message}.`,
    );
  }
  if (parsed.data.version > FORMAT_VERSION) {
    throw new BackupError(
      `The backup in ${folder} has format version ${parsed.data.version}; this Inkwell reads ` +
        `up to ${FORMAT_VERSION}. Restore it with the Inkwell version that made it, or newer.`,
    );
  }
  return parsed.data;
}
